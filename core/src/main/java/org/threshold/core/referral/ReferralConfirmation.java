package org.threshold.core.referral;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the suggested referrals are made, given the services the operator confirmed at the consent step. Only a
 * suggested referral (one whose legal basis holds) can be made: confirming a service whose codes are all withheld
 * is refused, never turned into a referral without a basis. Pure.
 */
public final class ReferralConfirmation {

    private ReferralConfirmation() {
    }

    /** Why a confirmed service cannot be referred to. Stable names: the kiosk API returns them as reasons. */
    public enum Problem {
        /** The services file does not list it. */
        UNKNOWN_SERVICE,
        /** The same service is confirmed twice. */
        LISTED_TWICE,
        /** Codes point to it but the household's (or the person's) consent to it is missing. */
        CONSENT_REQUIRED,
        /** Codes point to it but only the person's own consent allows it (GBV), and it is missing. */
        PERSONAL_CONSENT_REQUIRED,
        /** No code of the household points to it. */
        NOT_SUGGESTED
    }

    /**
     * The operator's choice could not be followed; {@code index} is the entry's place in the confirmed list.
     * Unchecked: the kiosk answers it as it answers a possible duplicate, from one place.
     */
    public static final class NotConfirmableException extends RuntimeException {
        private final int index;
        private final Problem problem;

        NotConfirmableException(int index, Problem problem) {
            super(problem + " at referral " + index);
            this.index = index;
            this.problem = problem;
        }

        public int index() {
            return index;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * The referrals to make.
     *
     * @param confirmed the services the operator confirmed, in the order given; empty for "every suggested
     *                  referral" (a client that does not ask the operator gets every referral whose basis holds)
     * @throws NotConfirmableException for the first confirmed service that cannot be referred to; nothing is made
     */
    public static List<SuggestedReferral> confirm(ReferralSuggestions suggestions, ServiceDirectory services,
                                                  Optional<List<String>> confirmed) throws NotConfirmableException {
        if (confirmed.isEmpty()) {
            return suggestions.referrals();
        }
        List<String> chosen = confirmed.get();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < chosen.size(); index++) {
            String service = chosen.get(index);
            if (services.find(service).isEmpty()) {
                throw new NotConfirmableException(index, Problem.UNKNOWN_SERVICE);
            }
            if (!seen.add(service)) {
                throw new NotConfirmableException(index, Problem.LISTED_TWICE);
            }
            boolean suggested = suggestions.referrals().stream().anyMatch(r -> r.service().equals(service));
            if (!suggested) {
                throw new NotConfirmableException(index, suggestions.withheld().stream()
                        .filter(w -> w.service().equals(service)).findFirst()
                        .map(w -> w.missing() == WithheldReferral.Missing.PERSONAL_CONSENT
                                ? Problem.PERSONAL_CONSENT_REQUIRED : Problem.CONSENT_REQUIRED)
                        .orElse(Problem.NOT_SUGGESTED));
            }
        }
        return suggestions.referrals().stream().filter(r -> seen.contains(r.service())).toList();
    }
}
