package org.threshold.core.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.threshold.core.codec.MalformedEncodingException;

/**
 * A referral's status changed, by a caseworker's step or a consent withdrawal; {@code reason} is {@code null}
 * unless one was given (always, for DECLINED, FAILED and WITHDRAWN).
 *
 * <pre>{"referralId","from","to","reason"?,"at","actor"}</pre>
 */
public record ReferralTransitioned(UUID referralId, ReferralStatus from, ReferralStatus to, String reason,
                                   Instant at, String actor) implements ReferralEvent {

    public static final String WIRE_NAME = "ReferralTransitioned";

    public ReferralTransitioned {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (reason != null) {
            PayloadJson.staffText(reason, ReferralLifecycle.MAX_REASON, "reason");
        }
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
        json.put("from", from.name());
        json.put("to", to.name());
        if (reason != null) {
            json.put("reason", reason);
        }
        json.put("at", at.toString());
        json.put("actor", actor);
        return PayloadJson.bytes(json);
    }

    public static ReferralTransitioned fromJson(byte[] json) throws MalformedEncodingException {
        return PayloadJson.decode(json, WIRE_NAME, ReferralTransitioned::read, ReferralTransitioned::toJson);
    }

    private static ReferralTransitioned read(JsonNode json) throws MalformedEncodingException {
        return new ReferralTransitioned(PayloadJson.uuid(json, "referralId"), status(json, "from"), status(json, "to"),
                PayloadJson.optionalText(json, "reason"), PayloadJson.instant(json, "at"),
                PayloadJson.text(json, "actor"));
    }

    private static ReferralStatus status(JsonNode json, String field) throws MalformedEncodingException {
        try {
            return ReferralStatus.valueOf(PayloadJson.text(json, field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException("field \"" + field + "\" is not a referral status");
        }
    }
}
