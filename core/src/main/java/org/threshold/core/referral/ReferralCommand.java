package org.threshold.core.referral;

import java.util.Objects;

/** Something asked of a referral. Who may ask is the hub's policy; whether the referral allows it is the lifecycle's. */
public sealed interface ReferralCommand {

    /** The receiving service moves the referral on; {@code reason} is required to decline or fail, else optional. */
    record ChangeStatus(ReferralStatus to, String reason) implements ReferralCommand {
        public ChangeStatus {
            Objects.requireNonNull(to, "to");
        }
    }

    /** Consent to {@code purpose} (a service id) was withdrawn, at the kiosk or the hub, for this reason. */
    record WithdrawConsent(String purpose, String reason) implements ReferralCommand {
        public WithdrawConsent {
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /** A supervisor sends the referral to another service, on the basis that holds for that service. */
    record Reassign(String toService, LegalBasis basis, String reason) implements ReferralCommand {
        public Reassign {
            Objects.requireNonNull(toService, "toService");
            Objects.requireNonNull(basis, "basis");
        }
    }
}
