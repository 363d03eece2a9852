package org.threshold.hub.app.duplicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.threshold.core.event.EventType;
import org.threshold.hub.app.event.HubEvents;

/**
 * The payloads of the hub's duplicate decisions, as they go onto its chain: ids, times and usernames only, never a
 * name. A merge lists the referrals it moved and the token it redirected, so the chain alone tells what an unmerge
 * must give back.
 */
final class DuplicateEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DuplicateEvents() {
    }

    /** {@code {"pairId","survivor","merged","referrals":[...],"token","at","actor"}} */
    static HubEvents.Draft merged(UUID pairId, UUID survivor, UUID merged, List<UUID> referrals, String token,
                                  Instant at, String actor) {
        ObjectNode json = decision(pairId, at, actor);
        json.put("survivor", survivor.toString());
        json.put("merged", merged.toString());
        ids(json.putArray("referrals"), referrals);
        json.put("token", token);
        return draft(EventType.HOUSEHOLDS_MERGED, json);
    }

    /** {@code {"pairId","mergeEvent","survivor","merged","referrals":[...],"at","actor"}} */
    static HubEvents.Draft unmerged(HouseholdMerge merge, Instant at, String actor) {
        ObjectNode json = decision(merge.pairId(), at, actor);
        json.put("mergeEvent", merge.eventId().toString());
        json.put("survivor", merge.survivorId().toString());
        json.put("merged", merge.mergedId().toString());
        ids(json.putArray("referrals"), merge.movedReferrals());
        return draft(EventType.HOUSEHOLDS_UNMERGED, json);
    }

    /** {@code {"pairId","householdA","householdB","at","actor"}} */
    static HubEvents.Draft dismissed(DuplicatePair pair, Instant at, String actor) {
        ObjectNode json = decision(pair.pairId(), at, actor);
        json.put("householdA", pair.householdA().toString());
        json.put("householdB", pair.householdB().toString());
        return draft(EventType.DUPLICATE_DISMISSED, json);
    }

    private static ObjectNode decision(UUID pairId, Instant at, String actor) {
        ObjectNode json = JSON.createObjectNode();
        json.put("pairId", pairId.toString());
        json.put("at", at.toString());
        json.put("actor", actor);
        return json;
    }

    private static void ids(ArrayNode array, List<UUID> ids) {
        ids.forEach(id -> array.add(id.toString()));
    }

    private static HubEvents.Draft draft(EventType type, ObjectNode json) {
        try {
            return new HubEvents.Draft(type, JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Strings always serialise", impossible);
        }
    }
}
