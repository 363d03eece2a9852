package org.threshold.core.referral;

import java.util.Arrays;
import java.util.Optional;

/** A field of a registered person that a service's field profile may show. */
public enum PersonField {
    GIVEN_NAME("givenName"),
    FAMILY_NAME("familyName"),
    /** The Latin transliteration of both names. */
    LATIN_NAMES("latinNames"),
    SEX("sex"),
    /** The date of birth with its "estimated" flag, or the estimated age. */
    BIRTH_DATE("birthDate"),
    NATIONALITY("nationality"),
    /** The relationship to the focal point, which says who else is in the household. */
    RELATIONSHIP("relationship");

    private final String wireName;

    PersonField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<PersonField> fromWireName(String name) {
        return Arrays.stream(values()).filter(field -> field.wireName.equals(name)).findFirst();
    }
}
