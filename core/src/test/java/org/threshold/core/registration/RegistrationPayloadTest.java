package org.threshold.core.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;

/** The sealed payload of a registration event: written by the kiosk, read back by the hub. */
class RegistrationPayloadTest {

    private static final UUID HOUSEHOLD_ID = UUID.fromString("0190f3a8-7c1e-7abc-8def-0123456789ab");
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-24T10:15:30.123Z");

    private final NeedsCatalogue catalogue = NeedsCatalogue.bundled();
    private final SigningKey kioskKey = SigningKey.fromBytes(new byte[32]);
    private final IssuedToken token = IssuedToken.issue(TokenId.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}),
            "KIOSK-01", LocalDate.of(2026, 11, 24), kioskKey);

    @Test
    void readsBackWhatItWrote() throws InvalidRegistrationException {
        RegistrationPayload payload = payload(HouseholdJsonTest.EXAMPLE, REGISTERED_AT);

        RegistrationPayload read = RegistrationPayload.fromJson(payload.toJson(), catalogue);

        assertThat(read).isEqualTo(payload);
        assertThat(read.token().signature()).isEqualTo(token.signature());
        assertThat(read.token().signedBy(kioskKey.verifyingKey())).isTrue();
        assertThat(read.household().focalPoint().givenName()).isEqualTo("نورهان");
    }

    @Test
    void carriesTheTokenAsItsQrPayload() throws Exception {
        byte[] json = payload(HouseholdJsonTest.EXAMPLE, REGISTERED_AT).toJson();

        assertThat(HouseholdJsonTest.parse(new String(json, StandardCharsets.UTF_8)).get("token").asText())
                .isEqualTo(token.qrPayload());
    }

    @Test
    void acceptsAnArrivalOneDayAheadOfUtcBecauseTheKioskMayBeAhead() throws InvalidRegistrationException {
        // Registered at 23:30 UTC on the 24th, which is already the 25th at the kiosk.
        Instant lateEvening = Instant.parse("2026-11-24T23:30:00Z");
        RegistrationPayload payload = payload(HouseholdJsonTest.EXAMPLE.replace("2026-11-24", "2026-11-25"), lateEvening);

        assertThat(RegistrationPayload.fromJson(payload.toJson(), catalogue)).isEqualTo(payload);
    }

    @Test
    void rejectsAnArrivalTwoDaysAfterRegistration() {
        RegistrationPayload payload = payload(HouseholdJsonTest.EXAMPLE.replace("2026-11-24", "2026-11-26"),
                REGISTERED_AT);

        assertThatExceptionOfType(InvalidRegistrationException.class)
                .isThrownBy(() -> RegistrationPayload.fromJson(payload.toJson(), catalogue))
                .satisfies(e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("arrivalDate"));
    }

    @Test
    void rejectsUnreadableBytesAsOneProblemWithoutEchoingThem() {
        byte[] garbage = "{\"householdId\":\"نورهان\"".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(InvalidRegistrationException.class)
                .isThrownBy(() -> RegistrationPayload.fromJson(garbage, catalogue))
                .withMessageNotContaining("نورهان")
                .satisfies(e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("payload"));
    }

    @Test
    void rejectsAPayloadWhoseTokenIsNotAToken() throws Exception {
        ObjectNode json = HouseholdJsonTest.parse(new String(payload(HouseholdJsonTest.EXAMPLE, REGISTERED_AT).toJson(),
                StandardCharsets.UTF_8));
        json.put("token", "hello");

        assertThatExceptionOfType(InvalidRegistrationException.class)
                .isThrownBy(() -> RegistrationPayload.fromJson(json.toString().getBytes(StandardCharsets.UTF_8), catalogue))
                .satisfies(e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("payload"));
    }

    /** A payload as a kiosk would build it; the kiosk's own date check is not what these tests are about. */
    private RegistrationPayload payload(String householdJson, Instant registeredAt) {
        try {
            Household household = HouseholdJson.read(HouseholdJsonTest.parse(householdJson), catalogue,
                    LocalDate.of(2026, 11, 30));
            return new RegistrationPayload(HOUSEHOLD_ID, "Ramtha reception", registeredAt, token, household);
        } catch (InvalidRegistrationException e) {
            throw new AssertionError(e);
        }
    }
}
