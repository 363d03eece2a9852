package org.threshold.core.referral;

import java.util.List;

/** One person in a referral, by their index in the household's member list, with the codes relevant to it. */
public record ReferredPerson(int member, List<String> needs) {

    public ReferredPerson {
        if (member < 0) {
            throw new IllegalArgumentException("A member index is zero or more");
        }
        if (needs.isEmpty()) {
            throw new IllegalArgumentException("A referred person has at least one need code relevant to the referral");
        }
        needs = List.copyOf(needs);
    }
}
