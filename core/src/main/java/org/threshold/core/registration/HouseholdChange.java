package org.threshold.core.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sealed payload of every event that changes a registered household ({@code HouseholdCardReprinted},
 * {@code TokenReissued}, {@code HouseholdCorrected}, {@code ConsentChanged}): which household, its token (the new
 * one after a reissue) as a QR payload, when, which operator, and the fields particular to the change
 * ({@code details}, written at the top level beside the common ones). docs/api.md lists them per event type.
 */
public record HouseholdChange(UUID householdId, String token, Instant at, String operator, ObjectNode details) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMMON = List.of("householdId", "token", "at", "operator");

    public HouseholdChange {
        details = details.deepCopy();
        for (String field : COMMON) {
            if (details.has(field)) {
                throw new IllegalArgumentException("details may not hold the common field " + field);
            }
        }
    }

    public static ObjectNode newDetails() {
        return JSON.createObjectNode();
    }

    public byte[] toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("householdId", householdId.toString());
        json.put("token", token);
        json.put("at", at.toString());
        json.put("operator", operator);
        json.setAll(details);
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not such a payload (the message holds no payload data) */
    public static HouseholdChange fromJson(byte[] bytes) {
        try {
            JsonNode json = JSON.readTree(bytes);
            ObjectNode details = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!COMMON.contains(field.getKey())) {
                    details.set(field.getKey(), field.getValue());
                }
            }
            return new HouseholdChange(UUID.fromString(json.path("householdId").asText()), json.path("token").asText(),
                    Instant.parse(json.path("at").asText()), json.path("operator").asText(), details);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a household change payload (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "HouseholdChange[" + householdId + ", personal data redacted]";
    }
}
