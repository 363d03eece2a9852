package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.ChainVerifier;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * A hub with caseworkers of health and GBV, a health supervisor and a protection officer, and one household referred
 * to health (naming, wrongly, a GBV code) and to GBV: what the referral API tests stand on. Subclasses choose the
 * database.
 */
abstract class ReferralScenario {
    @TempDir
    Path dataDir;
    HubFixture hub;
    HubClient client;
    TestKiosk.Registration household;
    TestKiosk.Referral health;
    TestKiosk.Referral gbv;
    final Map<String, String> sessions = new HashMap<>();

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    @BeforeEach
    void startHubWithAHouseholdReferredToHealthAndGbv() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
        Accounts accounts = hub.server().services().accounts();
        accounts.add("cw-health", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.CASEWORKER, "Health NGO", Set.of("health")));
        accounts.add("supervisor-health", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.SUPERVISOR, "Health NGO", Set.of("health")));
        accounts.add("cw-gbv", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.CASEWORKER, "Women's NGO", Set.of("gbv")));
        household = hub.kiosk.register();
        // A hostile or mistaken request naming a GBV code to health: the health profile must still hide it.
        health = hub.kiosk.refer(household, "health", Urgency.URGENT, LegalBasis.CONSENT, TestKiosk.SENSITIVE_NEED);
        gbv = hub.kiosk.refer(household, "gbv", Urgency.EMERGENCY, LegalBasis.CONSENT, TestKiosk.SENSITIVE_NEED);
        sync(household.event(), health.event(), gbv.event());
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    HubClient.Response post(String path, String body, String username) {
        return client.post(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type",
                "application/json", "Authorization", "Bearer " + session(username));
    }

    void sync(SignedEvent... events) {
        assertThat(client.sync("KIOSK-01", List.of(events)).status()).isEqualTo(200);
        // The projector runs in the background; a token lookup makes it catch up on the spot.
        client.lookUp(household.token().id().shortCode(), session(HubFixture.OFFICER));
    }

    /** Signs in once per account: each sign-in costs a password hash. */
    String session(String username) {
        return sessions.computeIfAbsent(username, client::sessionToken);
    }

    HubClient.Response get(String path, String username) {
        return client.get(path, "Authorization", "Bearer " + session(username));
    }


    /** {@code POST /api/events/verify} with {@code sessionToken} (a DPO's): every chain's state. */
    JsonNode verifyChains(String sessionToken) {
        HubClient.Response verified = client.post("/api/events/verify", new byte[0], "Authorization",
                "Bearer " + sessionToken);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified.json();
    }

    /** One chain's state in {@link #verifyChains}'s answer. */
    static JsonNode chain(JsonNode verified, String name) {
        for (JsonNode chain : verified.get("chains")) {
            if (chain.get("chain").asText().equals(name)) {
                return chain;
            }
        }
        throw new AssertionError("no chain " + name + " in " + verified);
    }

    /** The hub chain's events as stored, in order; they must verify from genesis with the hub's identity key. */
    List<SignedEvent> hubChain() {
        List<SignedEvent> events = new ArrayList<>();
        for (List<Object> row : hub.rows("SELECT envelope FROM events WHERE kiosk_id = 'HUB' ORDER BY sequence")) {
            try {
                events.add(SignedEvent.decode((byte[]) row.get(0)));
            } catch (org.threshold.core.codec.MalformedEncodingException e) {
                throw new AssertionError("A hub event does not decode", e);
            }
        }
        ChainVerifier.Result verified = ChainVerifier.verify("HUB", hub.hubIdentity.verifyingKey(),
                ChainPosition.GENESIS, events);
        assertThat(verified.failure()).isEmpty();
        assertThat(verified.accepted()).isEqualTo(events.size());
        return events;
    }
}
