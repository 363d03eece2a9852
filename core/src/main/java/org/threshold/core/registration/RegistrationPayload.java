package org.threshold.core.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.threshold.core.input.StrictJson;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.InvalidTokenException;

/**
 * The personal payload of a {@code HouseholdRegistered} event, sealed inside the envelope: the
 * household, where and when it was registered, and the token printed for it.
 */
public record RegistrationPayload(UUID householdId, String site, Instant registeredAt, IssuedToken token,
                                  Household household) {
    private static final ObjectMapper JSON = StrictJson.mapper();

    public byte[] toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("householdId", householdId.toString());
        json.put("site", site);
        json.put("registeredAt", registeredAt.toString());
        json.put("token", token.qrPayload());
        json.set("household", HouseholdJson.write(household));
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /**
     * Reads a payload that a kiosk wrote. The household is validated again, with one day of slack on
     * "not in the future" because the kiosk's local date may be ahead of UTC.
     */
    public static RegistrationPayload fromJson(byte[] bytes, NeedsCatalogue catalogue)
            throws InvalidRegistrationException {
        try {
            JsonNode json = JSON.readTree(bytes);
            Instant registeredAt = Instant.parse(json.path("registeredAt").asText());
            Household household = HouseholdJson.read(json.get("household"), catalogue,
                    registeredAt.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1));
            return new RegistrationPayload(UUID.fromString(json.path("householdId").asText()),
                    json.path("site").asText(), registeredAt, IssuedToken.parseQr(json.path("token").asText()),
                    household);
        } catch (IOException | RuntimeException | InvalidTokenException e) {
            throw new InvalidRegistrationException(java.util.List.of(new FieldProblem("payload",
                    "field.payload.unreadable", java.util.Map.of("type", e.getClass().getSimpleName()))));
        }
    }
}
