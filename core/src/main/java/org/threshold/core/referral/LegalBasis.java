package org.threshold.core.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why personal data may go to a service, recorded on each referral (UNHCR data-protection policy, as the domain
 * reference applies it). Consent is the rule; the other two are the only ways to refer without it.
 */
public enum LegalBasis {
    /** The person (or for the household's purposes, its focal point) agreed to this referral's purpose. */
    CONSENT("consent"),
    /** The best interests of a child: holds only for a person under 18. */
    BEST_INTERESTS("best-interests"),
    /** An immediate risk to life or of refoulement. */
    VITAL_INTERESTS("vital-interests");

    /** Below this age a person is a child, for whom the best-interests basis can hold. */
    public static final int ADULT_AGE = 18;

    private final String wireName;

    LegalBasis(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether this basis, other than consent, can hold for a person of the given age in whole years. */
    boolean holdsWithoutConsentFor(int ageYears) {
        return switch (this) {
            case CONSENT -> false;
            case BEST_INTERESTS -> ageYears < ADULT_AGE;
            case VITAL_INTERESTS -> true;
        };
    }

    public static Optional<LegalBasis> fromWireName(String name) {
        return Arrays.stream(values()).filter(basis -> basis.wireName.equals(name)).findFirst();
    }
}
