package org.threshold.core.referral;

import java.util.Objects;

/** What the lifecycle decided: the referral's next state, or a refusal that changes nothing. */
public sealed interface TransitionOutcome {

    record Moved(ReferralState state) implements TransitionOutcome {
        public Moved {
            Objects.requireNonNull(state, "state");
        }
    }

    record Refused(Refusal refusal) implements TransitionOutcome {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
