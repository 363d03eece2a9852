package org.threshold.core.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.threshold.core.codec.MalformedEncodingException;

/**
 * A supervisor sent a referral to another service, on the basis that holds for it; it arrives there as SENT.
 *
 * <pre>{"referralId","fromService","toService","basis","reason","at","actor"}</pre>
 */
public record ReferralReassigned(UUID referralId, String fromService, String toService, LegalBasis basis,
                                 String reason, Instant at, String actor) implements ReferralEvent {

    public static final String WIRE_NAME = "ReferralReassigned";

    public ReferralReassigned {
        Objects.requireNonNull(referralId, "referralId");
        PayloadJson.serviceId(fromService, "fromService");
        PayloadJson.serviceId(toService, "toService");
        if (fromService.equals(toService)) {
            throw new IllegalArgumentException("a reassignment goes to another service");
        }
        Objects.requireNonNull(basis, "basis");
        PayloadJson.staffText(reason, ReferralLifecycle.MAX_REASON, "reason");
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
        json.put("fromService", fromService);
        json.put("toService", toService);
        json.put("basis", basis.wireName());
        json.put("reason", reason);
        json.put("at", at.toString());
        json.put("actor", actor);
        return PayloadJson.bytes(json);
    }

    public static ReferralReassigned fromJson(byte[] json) throws MalformedEncodingException {
        return PayloadJson.decode(json, WIRE_NAME, ReferralReassigned::read, ReferralReassigned::toJson);
    }

    private static ReferralReassigned read(JsonNode json) throws MalformedEncodingException {
        return new ReferralReassigned(PayloadJson.uuid(json, "referralId"), PayloadJson.text(json, "fromService"),
                PayloadJson.text(json, "toService"), PayloadJson.choice(json, "basis", LegalBasis::fromWireName),
                PayloadJson.text(json, "reason"), PayloadJson.instant(json, "at"), PayloadJson.text(json, "actor"));
    }
}
