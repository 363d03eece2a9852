package org.threshold.hub.app.dsr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.threshold.core.event.EventType;
import org.threshold.hub.app.event.HubEvents;

/**
 * The payloads of the hub events a data-subject request or the retention job writes: which household, who acted, why
 * (the request's reference) and when; a correction also holds the whole household after it, as the kiosk's
 * {@code HouseholdCorrected} does, sealed like every event.
 */
final class DsrEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DsrEvents() {
    }

    static HubEvents.Draft of(EventType type, UUID householdId, String actor, String reason, Instant at) {
        return draft(type, fields(householdId, actor, reason, at));
    }

    static HubEvents.Draft corrected(UUID householdId, String actor, String reason, Instant at, JsonNode household) {
        ObjectNode fields = fields(householdId, actor, reason, at);
        fields.set("household", household);
        return draft(EventType.HOUSEHOLD_CORRECTED, fields);
    }

    private static ObjectNode fields(UUID householdId, String actor, String reason, Instant at) {
        return JSON.createObjectNode().put("householdId", householdId.toString()).put("actor", actor)
                .put("reason", reason).put("at", at.toString());
    }

    private static HubEvents.Draft draft(EventType type, ObjectNode fields) {
        return new HubEvents.Draft(type, fields.toString().getBytes(StandardCharsets.UTF_8));
    }
}
