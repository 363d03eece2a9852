package org.threshold.core.referral;

import java.util.List;

/** What the rules make of a household: referrals whose basis holds, and those still waiting for consent. */
public record ReferralSuggestions(List<SuggestedReferral> referrals, List<WithheldReferral> withheld) {

    public ReferralSuggestions {
        referrals = List.copyOf(referrals);
        withheld = List.copyOf(withheld);
    }
}
