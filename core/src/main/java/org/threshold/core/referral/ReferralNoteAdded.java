package org.threshold.core.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.threshold.core.codec.MalformedEncodingException;

/**
 * A caseworker added a note to a referral.
 *
 * <pre>{"referralId","noteId","text","at","actor"}</pre>
 */
public record ReferralNoteAdded(UUID referralId, UUID noteId, String text, Instant at, String actor)
        implements ReferralEvent {

    public static final String WIRE_NAME = "ReferralNoteAdded";

    /** The longest note accepted, in characters (code points). */
    public static final int MAX_TEXT = 4000;

    public ReferralNoteAdded {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(noteId, "noteId");
        PayloadJson.staffText(text, MAX_TEXT, "text");
        PayloadJson.requireWholeMillis(at, "at");
        PayloadJson.actor(actor);
    }

    @Override
    public String wireName() {
        return WIRE_NAME;
    }

    @Override
    public byte[] toJson() {
        ObjectNode json = PayloadJson.object();
        json.put("referralId", referralId.toString());
        json.put("noteId", noteId.toString());
        json.put("text", text);
        json.put("at", at.toString());
        json.put("actor", actor);
        return PayloadJson.bytes(json);
    }

    public static ReferralNoteAdded fromJson(byte[] json) throws MalformedEncodingException {
        return PayloadJson.decode(json, WIRE_NAME, ReferralNoteAdded::read, ReferralNoteAdded::toJson);
    }

    private static ReferralNoteAdded read(JsonNode json) throws MalformedEncodingException {
        return new ReferralNoteAdded(PayloadJson.uuid(json, "referralId"), PayloadJson.uuid(json, "noteId"),
                PayloadJson.text(json, "text"), PayloadJson.instant(json, "at"), PayloadJson.text(json, "actor"));
    }
}
