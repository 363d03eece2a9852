package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threshold.core.event.RedactedEvent;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * The event chains after an erasure, over HTTP on a real store: the erasure cuts the household's events, the kiosk's
 * and the hub's, to their headers, and {@code POST /api/events/verify} still finds every chain intact; a cut header
 * altered afterwards, a whole event altered, or an event stripped to a bare header with no erasure behind it, breaks
 * its chain there. {@code OnPostgres} runs it on PostgreSQL.
 */
class EventChainsTest extends ReferralScenario {
    @BeforeEach
    void addTheDpoAndANote() {
        hub.server().services().accounts().add("dpo", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
        // A hub event that carries the household's words, so the hub's chain has one to cut too.
        assertThat(post("/api/referrals/" + health.id() + "/notes", "{\"text\":\"Called them back.\"}", "cw-health")
                .status()).isEqualTo(200);
    }

    @Test
    void afterAnErasureEveryChainStillVerifiesAndAnAlteredHeaderIsFound() {
        HubClient.Response erased = post("/api/dsr/erase", "{\"token\":\"" + household.token().id().shortCode()
                + "\",\"reason\":\"DSR-2026-060\"}", "dpo");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        JsonNode verified = verify();

        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(chain(verified, "KIOSK-01").get("redacted").asInt()).isEqualTo(3);
        assertThat(chain(verified, "HUB").get("redacted").asInt()).isPositive();
        assertThat(chain(verified, "HUB").get("checked").asInt()).isGreaterThan(chain(verified, "HUB")
                .get("redacted").asInt());

        List<Object> cut = firstCut("KIOSK-01");
        byte[] altered = ((byte[]) cut.get(1)).clone();
        altered[12] ^= 1; // inside the event id: the marker (4), the header's magic (4) and version (1) come first
        hub.execute("UPDATE events SET envelope = ? WHERE event_id = ?", altered, cut.get(0));

        JsonNode broken = verify();

        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(chain(broken, "KIOSK-01").at("/firstBreak/problem").asText()).isEqualTo("BAD_SEAL");
        assertThat(chain(broken, "HUB").get("intact").asBoolean()).isTrue();
    }

    @Test
    void anEventABareHeaderStandsForSinceAnEarlierReleaseCutItIsCountedAsCutAndUnsealed() throws Exception {
        post("/api/dsr/erase", "{\"token\":\"" + household.token().id().shortCode() + "\",\"reason\":\"DSR-2026-061\"}",
                "dpo");
        List<Object> cut = firstCut("KIOSK-01");
        // What the release before sealed cuts stored in its place: the header alone.
        byte[] bare = RedactedEvent.decode((byte[]) cut.get(1)).header().encode();
        hub.execute("UPDATE events SET envelope = ? WHERE event_id = ?", bare, cut.get(0));

        JsonNode kiosk = chain(verify(), "KIOSK-01");

        assertThat(kiosk.get("intact").asBoolean()).as(kiosk.toString()).isTrue();
        assertThat(kiosk.get("redacted").asInt()).isEqualTo(3);
        assertThat(kiosk.get("unsealed").asInt()).isEqualTo(1);
    }

    @Test
    void aBareHeaderOfAnEventNoErasureOrRetentionCutBreaksItsChain() throws Exception {
        // Stripped in the database to what a release before sealed cuts left: the household was never erased.
        List<Object> whole = hub.rows("SELECT event_id, envelope FROM events WHERE kiosk_id = 'KIOSK-01' "
                + "ORDER BY sequence").get(0);
        byte[] bare = SignedEvent.decode((byte[]) whole.get(1)).header().encode();
        hub.execute("UPDATE events SET envelope = ? WHERE event_id = ?", bare, whole.get(0));

        JsonNode kiosk = chain(verify(), "KIOSK-01");

        assertThat(kiosk.get("intact").asBoolean()).as(kiosk.toString()).isFalse();
        assertThat(kiosk.at("/firstBreak/problem").asText()).isEqualTo("UNRECORDED_CUT");
        assertThat(kiosk.get("unsealed").asInt()).isZero();
    }

    @Test
    void aWholeEventAlteredOrAnEventDeletedBreaksItsChain() {
        List<Object> first = hub.rows("SELECT event_id, envelope FROM events WHERE kiosk_id = 'HUB' ORDER BY sequence")
                .get(0);
        byte[] altered = ((byte[]) first.get(1)).clone();
        altered[altered.length - 70] ^= 1; // inside the sealed payload
        hub.execute("UPDATE events SET envelope = ? WHERE event_id = ?", altered, first.get(0));
        hub.execute("DELETE FROM events WHERE kiosk_id = 'KIOSK-01' AND sequence = 2");

        JsonNode broken = verify();

        assertThat(chain(broken, "HUB").at("/firstBreak/problem").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(chain(broken, "KIOSK-01").at("/firstBreak").toString()).contains("\"sequence\":3",
                "OUT_OF_PLACE");
        assertThat(client.post("/api/events/verify", new byte[0], "Authorization", "Bearer " + session("cw-health"))
                .status()).isEqualTo(403);
    }

    private JsonNode verify() {
        return verifyChains(session("dpo"));
    }

    private List<Object> firstCut(String chain) {
        return hub.rows("SELECT event_id, envelope FROM events WHERE kiosk_id = ? ORDER BY sequence", chain).stream()
                .filter(row -> new String((byte[]) row.get(1), 0, 4, StandardCharsets.US_ASCII).equals("TRX1"))
                .findFirst().orElseThrow();
    }
}
