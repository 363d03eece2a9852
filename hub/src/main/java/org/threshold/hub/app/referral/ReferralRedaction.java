package org.threshold.hub.app.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.threshold.hub.app.Repositories;

/**
 * Takes out of a referral's history what staff typed (notes and reasons, which may name or describe the person) and
 * keeps who did what, when, and where it went, so the history still reads and the reports still count it. The
 * redacted payloads say {@code "redacted": true}. Used at an erasure and by the retention job.
 */
public final class ReferralRedaction {
    /** The cause recorded for a referral redacted because its household was erased. */
    public static final String ERASED = "ERASED";
    /** The cause recorded for a referral redacted because it was closed longer than retention keeps notes. */
    public static final String RETENTION = "RETENTION";
    // The fields of core's referral events that hold staff's free text.
    private static final List<String> FREE_TEXT = List.of("text", "reason");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferralRedaction() {
    }

    /**
     * Redacts the referral's history in the caller's transaction and records it; returns the ids of its history's
     * events, for the caller to cut the stored events that carried them.
     */
    public static List<UUID> redact(Repositories repositories, UUID referralId, Instant at, String cause) {
        List<UUID> events = new ArrayList<>();
        Map<UUID, String> redacted = new LinkedHashMap<>();
        for (ReferralEventRecord event : repositories.referrals().history(referralId)) {
            events.add(event.eventId());
            ObjectNode payload = read(event);
            if (FREE_TEXT.stream().anyMatch(payload::has)) {
                payload.remove(FREE_TEXT);
                payload.put("redacted", true);
                redacted.put(event.eventId(), payload.toString());
            }
        }
        repositories.referrals().redact(referralId, redacted, at, cause);
        return events;
    }

    private static ObjectNode read(ReferralEventRecord event) {
        try {
            JsonNode payload = JSON.readTree(event.payloadJson());
            if (payload instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // Reported below, without the payload.
        }
        throw new IllegalStateException("A stored referral event is not a JSON object: " + event.eventId());
    }
}
