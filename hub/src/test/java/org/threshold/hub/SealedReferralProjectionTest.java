package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * Referrals the kiosk sealed with their registration, under its exported secret: projected with their registration
 * in one chunk or in a later one, beside a referral sealed on its own as before; unreadable once the registration
 * was erased.
 */
class SealedReferralProjectionTest {
    @TempDir
    Path dataDir;
    HubFixture hub;
    HubClient client;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    @BeforeEach
    void startHub() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void aRegistrationAndItsReferralsInOneChunkProjectBesideAReferralSealedOnItsOwn() {
        TestKiosk.Referred referred = hub.kiosk.registerReferring("shelter", "health");
        TestKiosk.Referral alone = hub.kiosk.refer(referred.registration(), "legal", Urgency.PRIORITY,
                LegalBasis.CONSENT, TestKiosk.OPEN_NEED);
        assertThat(alone.event().sealedUnder()).isEmpty();
        List<SignedEvent> events = new java.util.ArrayList<>(referred.events());
        events.add(alone.event());

        syncAndProject(referred, events);

        assertThat(hub.rows("SELECT event_id FROM referrals ORDER BY event_id")).containsExactlyInAnyOrder(
                List.of(referred.referrals().get(0).event().header().eventId().toString()),
                List.of(referred.referrals().get(1).event().header().eventId().toString()),
                List.of(alone.event().header().eventId().toString()));
        assertThat(hub.rows("SELECT reason FROM projection_failures")).isEmpty();
    }

    @Test
    void aReferralWhoseRegistrationWasProjectedInAnEarlierChunkReopensTheRegistration() {
        TestKiosk.Referred referred = hub.kiosk.registerReferring("shelter", "health");
        syncAndProject(referred, List.of(referred.registration().event()));

        syncAndProject(referred, referred.events().subList(1, 3));

        assertThat(hub.rows("SELECT referral_id, service, status FROM referrals")).containsExactlyInAnyOrder(
                List.of(referred.referrals().get(0).id().toString(), "shelter", "SENT"),
                List.of(referred.referrals().get(1).id().toString(), "health", "SENT"));
        assertThat(hub.rows("SELECT reason FROM projection_failures")).isEmpty();
    }

    @Test
    void theReferralsOfAnErasedRegistrationNoLongerOpen() {
        hub.server().services().accounts().add("dpo", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
        TestKiosk.Referred referred = hub.kiosk.registerReferring("shelter", "health");
        syncAndProject(referred, List.of(referred.registration().event()));
        HubClient.Response erased = client.post("/api/dsr/erase", ("{\"token\":\""
                        + referred.registration().token().id().shortCode() + "\",\"reason\":\"DSR-2026-021\"}")
                .getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + client.sessionToken("dpo"),
                "Content-Type", "application/json");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        syncAndProject(referred, referred.events().subList(1, 3));

        assertThat(hub.rows("SELECT referral_id FROM referrals")).isEmpty();
        assertThat(hub.rows("SELECT reason FROM projection_failures")).hasSize(2)
                .allSatisfy(row -> assertThat(row.get(0).toString()).contains("was erased"));
        // The kiosk's chain, its registration cut at the erasure and its referrals sealed under it, still verifies.
        HubClient.Response verified = client.post("/api/events/verify", new byte[0], "Authorization",
                "Bearer " + client.sessionToken("dpo"));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("intact").asBoolean()).isTrue();
        assertThat(verified.json().toString()).contains("\"chain\":\"KIOSK-01\",\"intact\":true,\"checked\":3,"
                + "\"redacted\":1");
    }

    /** Syncs the events and looks the household up, which projects whatever is behind. */
    private void syncAndProject(TestKiosk.Referred referred, List<SignedEvent> events) {
        assertThat(client.sync("KIOSK-01", events).status()).isEqualTo(200);
        client.lookUp(referred.registration().token().id().shortCode(), client.sessionToken());
    }
}
