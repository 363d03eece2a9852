package org.threshold.core.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a referral stands: {@code SENT → RECEIVED → ACCEPTED | DECLINED → IN_PROGRESS → CLOSED}, plus
 * {@code WITHDRAWN} (consent revoked) and {@code FAILED}. The names are the wire names.
 */
public enum ReferralStatus {
    SENT, RECEIVED, ACCEPTED, DECLINED, IN_PROGRESS, CLOSED, WITHDRAWN, FAILED;

    /** Still waiting for, or receiving, the service's action; the others are final. */
    public boolean open() {
        return this == SENT || this == RECEIVED || this == ACCEPTED || this == IN_PROGRESS;
    }

    public static Optional<ReferralStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
    }
}
