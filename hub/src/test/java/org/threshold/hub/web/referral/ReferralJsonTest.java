package org.threshold.hub.web.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Urgency;
import org.threshold.core.referral.VisibleHousehold;
import org.threshold.core.referral.VisiblePerson;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.access.ReferralView;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.web.http.HubJson;

/**
 * The referral list as {@code GET /api/referrals} writes it, byte for byte: docs/api.md's shape (what a service may
 * not see left out, people in their household's places, names in any script as UTF-8, {@code next} last), the bytes
 * the tree-built answer sent before it was streamed.
 */
class ReferralJsonTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final TokenId TOKEN = TokenId.fromBytes(new byte[10]);

    @Test
    void aListIsWrittenInTheDocumentedShapeByteForByte() throws Exception {
        ReferralView shown = new ReferralView(referral("a0000000-0000-7000-8000-000000000001", ReferralStatus.SENT),
                household(), new VisibleHousehold(List.of("ar", "en"), "+963 1234567", LocalDate.of(2026, 11, 30),
                "SYR", null, List.of(
                        new VisiblePerson(0, "أميرة", "\"Q\"\\", "Amira", null, Sex.F, LocalDate.of(1990, 1, 2), false,
                                null, "SYR", Relationship.FOCAL_POINT, List.of("SM-CI", "DS-PM")),
                        new VisiblePerson(2, "Олена", null, null, null, null, null, null, null, null, null,
                                List.of()))), true, false);
        ReferralView suspended = new ReferralView(referral("a0000000-0000-7000-8000-000000000002",
                ReferralStatus.ACCEPTED), household(), new VisibleHousehold(null, null, null, null, null, List.of()),
                false, true);

        String person = "{\"member\":0,\"givenName\":\"أميرة\",\"familyName\":\"\\\"Q\\\"\\\\\","
                + "\"givenNameLatin\":\"Amira\",\"sex\":\"F\",\"birthDate\":\"1990-01-02\",\"birthDateEstimated\":false,"
                + "\"nationality\":\"SYR\",\"relationship\":\"FOCAL_POINT\",\"needs\":[\"SM-CI\",\"DS-PM\"]}";
        String card = "\"basis\":\"consent\",\"requestedAt\":\"2026-12-01T10:00:00Z\","
                + "\"updatedAt\":\"2026-12-01T10:00:00Z\",\"token\":\"" + TOKEN.shortCode() + "\"";
        assertThat(written(List.of(shown, suspended), Optional.of("1764583200000.a0000000-0000-7000-8000-000000000002")))
                .isEqualTo("{\"referrals\":[{\"id\":\"a0000000-0000-7000-8000-000000000001\",\"service\":\"health\","
                        + "\"status\":\"SENT\",\"urgency\":\"urgent\",\"dueAt\":\"2026-12-01T10:00:00Z\","
                        + "\"overdue\":true,\"suspended\":false," + card + ",\"household\":{\"arrivalDate\":"
                        + "\"2026-11-30\",\"origin\":{\"country\":\"SYR\"},\"languages\":[\"ar\",\"en\"],\"phone\":"
                        + "\"+963 1234567\"},\"people\":[" + person + ",{\"member\":2,\"givenName\":\"Олена\","
                        + "\"needs\":[]}]},{\"id\":\"a0000000-0000-7000-8000-000000000002\",\"service\":\"health\","
                        + "\"status\":\"ACCEPTED\",\"urgency\":\"urgent\",\"dueAt\":\"2026-12-01T10:00:00Z\","
                        + "\"overdue\":false,\"suspended\":true," + card + ",\"household\":{},\"people\":[]}],"
                        + "\"next\":\"1764583200000.a0000000-0000-7000-8000-000000000002\"}");
        assertThat(written(List.of(), Optional.empty())).isEqualTo("{\"referrals\":[]}");
    }

    private static String written(List<ReferralView> views, Optional<String> next) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = HubJson.MAPPER.createGenerator(out)) {
            ReferralJson.list(views, next).writeTo(json);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ReferralRecord referral(String id, ReferralStatus status) {
        return new ReferralRecord(UUID.fromString(id), UUID.fromString("b0000000-0000-7000-8000-000000000001"),
                "health", status, Urgency.URGENT, AT, AT, LegalBasis.CONSENT,
                List.of(new ReferredPerson(0, List.of("SM-CI"))), UUID.randomUUID(), AT, AT);
    }

    private static HouseholdRecord household() {
        return new HouseholdRecord(UUID.fromString("b0000000-0000-7000-8000-000000000001"), TOKEN, "KIOSK-01",
                LocalDate.of(2026, 12, 1), "KIOSK-01", "GATE-A", AT, "{}", UUID.randomUUID());
    }
}
