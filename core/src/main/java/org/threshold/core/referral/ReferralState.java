package org.threshold.core.referral;

import java.util.Objects;

/** What the lifecycle needs of a referral: the service it is with, its status, and its legal basis. */
public record ReferralState(String service, ReferralStatus status, LegalBasis basis) {

    public ReferralState {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(basis, "basis");
    }

    /** A referral as requested: sent to its service. */
    public static ReferralState sent(String service, LegalBasis basis) {
        return new ReferralState(service, ReferralStatus.SENT, basis);
    }
}
