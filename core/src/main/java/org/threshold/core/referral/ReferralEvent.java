package org.threshold.core.referral;

import java.util.UUID;
import org.threshold.core.codec.MalformedEncodingException;

/**
 * The payload of an event about a referral. Each kind has a wire name (the event type the hub records it under)
 * and a canonical JSON form ({@link #toJson()}); {@link #decode} reads one back, strictly.
 */
public sealed interface ReferralEvent
        permits ReferralRequested, ReferralTransitioned, ReferralNoteAdded, ReferralReassigned {

    UUID referralId();

    /** The event type's wire name, e.g. {@code ReferralRequested}; part of a signed header, so it never changes. */
    String wireName();

    byte[] toJson();

    /**
     * Reads the payload of an event of type {@code wireName}.
     *
     * @throws MalformedEncodingException if the type is unknown, or the payload is invalid or not canonical
     */
    static ReferralEvent decode(String wireName, byte[] json) throws MalformedEncodingException {
        return switch (wireName) {
            case ReferralRequested.WIRE_NAME -> ReferralRequested.fromJson(json);
            case ReferralTransitioned.WIRE_NAME -> ReferralTransitioned.fromJson(json);
            case ReferralNoteAdded.WIRE_NAME -> ReferralNoteAdded.fromJson(json);
            case ReferralReassigned.WIRE_NAME -> ReferralReassigned.fromJson(json);
            default -> throw new MalformedEncodingException("not a referral event type");
        };
    }
}
