package org.threshold.hub.web.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.threshold.hub.app.access.ReferralView;
import org.threshold.hub.app.referral.ReferralEventRecord;
import org.threshold.hub.web.household.HouseholdViewJson;
import org.threshold.hub.web.http.HubJson;

/**
 * Referrals as the API answers them ({@link HouseholdViewJson#referral}, the same as in a caseworker's token scan),
 * and a referral's history without the stored payloads (a request names the codes its first service saw, which the
 * service it was reassigned to may not see).
 */
final class ReferralJson {
    private ReferralJson() {
    }

    static ObjectNode of(ReferralView view) {
        return HouseholdViewJson.referral(view);
    }

    /** {@code {"referrals":[...],"next"?}}, written as it goes: a page of 50 referrals makes no tree. */
    static HubJson.Writing list(List<ReferralView> views, Optional<String> next) {
        return json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("referrals");
            for (ReferralView view : views) {
                HouseholdViewJson.writeReferral(json, view);
            }
            json.writeEndArray();
            if (next.isPresent()) {
                json.writeStringField("next", next.get());
            }
            json.writeEndObject();
        };
    }

    /** Each event's type, the status it left, when, and of its payload only who acted, why, and what was noted. */
    static ArrayNode history(List<ReferralEventRecord> events) {
        ArrayNode history = HubJson.MAPPER.createArrayNode();
        for (ReferralEventRecord event : events) {
            ObjectNode entry = history.addObject();
            entry.put("type", event.type());
            entry.put("status", event.status().name());
            entry.put("at", event.recordedAt().toString());
            JsonNode payload = payload(event);
            for (String field : List.of("actor", "from", "to", "reason", "text", "fromService", "toService")) {
                if (payload.hasNonNull(field)) {
                    entry.set(field, payload.get(field));
                }
            }
        }
        return history;
    }

    private static JsonNode payload(ReferralEventRecord event) {
        try {
            return HubJson.MAPPER.readTree(event.payloadJson());
        } catch (IOException e) {
            throw new IllegalStateException("A stored referral event is not JSON: " + event.eventId(), e);
        }
    }
}
