package org.threshold.core.referral;

import java.util.List;

/**
 * What referral suggestion needs to know of one household member: their position in the household's member list
 * (how events name them), their age in whole years (best interests hold for children only), and their need codes.
 */
public record PersonNeeds(int member, int ageYears, List<String> needs) {

    public PersonNeeds {
        if (member < 0 || ageYears < 0) {
            throw new IllegalArgumentException("A member index and an age are zero or more");
        }
        needs = List.copyOf(needs);
    }
}
