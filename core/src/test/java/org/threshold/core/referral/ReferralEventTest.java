package org.threshold.core.referral;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threshold.core.codec.MalformedEncodingException;

class ReferralEventTest {

    private static final UUID REFERRAL = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID HOUSEHOLD = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final Instant AT = Instant.parse("2026-12-02T08:00:00.250Z");

    private static final String REQUESTED = "{\"referralId\":\"00000000-0000-4000-8000-000000000001\","
            + "\"householdId\":\"00000000-0000-4000-8000-000000000002\",\"service\":\"health\",\"urgency\":\"emergency\","
            + "\"requestedAt\":\"2026-12-02T08:00:00.250Z\",\"dueAt\":\"2026-12-02T09:00:00.250Z\","
            + "\"basis\":\"vital-interests\",\"people\":[{\"member\":0,\"needs\":[\"SM-CC\"]}]}";

    @Test
    void theKioskRecordsARequestUnderTheEventTypeOfTheSameWireName() {
        assertThat(org.threshold.core.event.EventType.fromWireName(ReferralRequested.WIRE_NAME))
                .contains(org.threshold.core.event.EventType.REFERRAL_REQUESTED);
    }

    @Test
    void writesARequestInItsOneCanonicalForm() throws MalformedEncodingException {
        SuggestedReferral suggested = new SuggestedReferral("health", Urgency.EMERGENCY,
                AT.plus(Urgency.EMERGENCY.dueIn()), LegalBasis.VITAL_INTERESTS,
                List.of(new ReferredPerson(0, List.of("SM-CC"))));
        ReferralRequested requested = ReferralRequested.of(REFERRAL, HOUSEHOLD, AT, suggested);

        assertThat(new String(requested.toJson(), UTF_8)).isEqualTo(REQUESTED);
        assertThat(ReferralEvent.decode("ReferralRequested", REQUESTED.getBytes(UTF_8))).isEqualTo(requested);
        assertThat(requested.initialState()).isEqualTo(ReferralState.sent("health", LegalBasis.VITAL_INTERESTS));
    }

    @Test
    void leavesOutAnAbsentReason() {
        ReferralTransitioned accepted = new ReferralTransitioned(REFERRAL, ReferralStatus.RECEIVED,
                ReferralStatus.ACCEPTED, null, AT, "cw-health");

        assertThat(new String(accepted.toJson(), UTF_8)).isEqualTo("{\"referralId\":"
                + "\"00000000-0000-4000-8000-000000000001\",\"from\":\"RECEIVED\",\"to\":\"ACCEPTED\","
                + "\"at\":\"2026-12-02T08:00:00.250Z\",\"actor\":\"cw-health\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        " " + REQUESTED,
        "{\"householdId\":\"00000000-0000-4000-8000-000000000002\",\"referralId\":\"00000000-0000-4000-8000-000000000001\"}",
        "[]",
        "{\"referralId\":",
    })
    void refusesAPayloadThatIsNotCanonicalOrNotComplete(String json) {
        assertThatThrownBy(() -> ReferralRequested.fromJson(json.getBytes(UTF_8)))
                .isInstanceOf(MalformedEncodingException.class);
    }

    @Test
    void refusesUnknownValuesAndExtraFields() {
        assertRefused(REQUESTED.replace("\"emergency\"", "\"asap\""), "field \"urgency\" has an unknown value");
        assertRefused(REQUESTED.replace("\"vital-interests\"", "\"override\""), "field \"basis\" has an unknown value");
        assertRefused(REQUESTED.replace("}]}", "}],\"extra\":1}"), "not in canonical form");
        assertRefused(REQUESTED.replace("2026-12-02T09:00:00.250Z", "2026-12-02T07:00:00.250Z"),
                "invalid: dueAt must be after requestedAt");
        assertRefused(REQUESTED.replace("[\"SM-CC\"]", "[\"SM-CC\",\"SM-CC\"]"), "invalid: need codes must be distinct");
        assertRefused(REQUESTED.replace("\"service\":\"health\",", "\"service\":\"health\",\"service\":\"gbv\","),
                "not readable JSON");
    }

    @Test
    void refusesAnUnknownEventType() {
        assertThatThrownBy(() -> ReferralEvent.decode("HouseholdRegistered", REQUESTED.getBytes(UTF_8)))
                .isInstanceOf(MalformedEncodingException.class).hasMessage("not a referral event type");
    }

    @Test
    void requiresAReasonOnAReassignmentAndTextOnANote() {
        assertThatThrownBy(() -> new ReferralReassigned(REFERRAL, "health", "mhpss", LegalBasis.CONSENT, " ", AT, "sv"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferralReassigned(REFERRAL, "health", "health", LegalBasis.CONSENT, "x", AT, "sv"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferralNoteAdded(REFERRAL, HOUSEHOLD, "", AT, "cw-health"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferralNoteAdded(REFERRAL, HOUSEHOLD, "x".repeat(4001), AT, "cw-health"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferralNoteAdded(REFERRAL, HOUSEHOLD, "Seen", AT, "Amina Yusuf"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferralNoteAdded(REFERRAL, HOUSEHOLD, " Seen", AT, "cw-health"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normalised by StrictText");
        assertThatThrownBy(() -> new ReferralNoteAdded(REFERRAL, HOUSEHOLD, "Seen \u202E", AT, "cw-health"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bidi");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> ReferralRequested.fromJson(json.getBytes(UTF_8)))
                .isInstanceOf(MalformedEncodingException.class).hasMessageContaining(message);
    }
}
