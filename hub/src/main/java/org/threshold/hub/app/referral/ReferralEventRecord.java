package org.threshold.hub.app.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.threshold.core.referral.ReferralStatus;

/**
 * One event in a referral's history: its type's wire name (e.g. {@code ReferralRequested}), the status it left the
 * referral in, when it was recorded, and its payload as core encodes it (no names: member places and codes).
 */
public record ReferralEventRecord(UUID eventId, UUID referralId, String type, ReferralStatus status,
                                  Instant recordedAt, String payloadJson) {

    public ReferralEventRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
