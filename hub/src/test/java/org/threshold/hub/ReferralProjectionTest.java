package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Urgency;

/** A kiosk's referral request, synced after its registration, lands in the referral store through the projector. */
class ReferralProjectionTest {
    @TempDir
    Path dataDir;
    private HubFixture hub;
    private HubClient client;

    @BeforeEach
    void startHub() {
        hub = HubFixture.start(dataDir);
        client = hub.client();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void aReferralRequestIsProjectedSentWithItsRequestAsItsHistoryAndAnUnreadableOneIsRecordedAsAFailure() {
        TestKiosk.Registration registration = hub.kiosk.register();
        ReferralRequested request = new ReferralRequested(UUID.randomUUID(), registration.payload().householdId(),
                "shelter", Urgency.PRIORITY, TestKiosk.REGISTERED_AT,
                TestKiosk.REGISTERED_AT.plus(Urgency.PRIORITY.dueIn()), LegalBasis.CONSENT,
                List.of(new ReferredPerson(0, List.of(TestKiosk.OPEN_NEED))));
        SignedEvent referral = hub.kiosk.refer(request.toJson());
        SignedEvent unreadable = hub.kiosk.refer("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(client.sync("KIOSK-01", List.of(registration.event(), referral, unreadable)).status())
                .isEqualTo(200);
        assertThat(client.lookUp(registration.token().id().shortCode(), client.sessionToken()).status())
                .isEqualTo(200);

        assertThat(hub.rows("SELECT referral_id, household_id, service, status, urgency, basis, due_at, event_id "
                + "FROM referrals")).containsExactly(List.of(request.referralId().toString(),
                request.householdId().toString(), "shelter", "SENT", "priority", "consent",
                request.dueAt().toEpochMilli(), referral.header().eventId().toString()));
        assertThat(hub.rows("SELECT event_id, type, status, payload_json FROM referral_events"))
                .containsExactly(List.of(referral.header().eventId().toString(), "ReferralRequested", "SENT",
                        new String(request.toJson(), StandardCharsets.UTF_8)));
        assertThat(hub.rows("SELECT reason FROM projection_failures WHERE event_id = ?",
                unreadable.header().eventId().toString())).hasSize(1);
    }
}
