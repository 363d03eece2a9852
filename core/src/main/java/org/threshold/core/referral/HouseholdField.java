package org.threshold.core.referral;

import java.util.Arrays;
import java.util.Optional;

/** A household-level field that a service's field profile may show. */
public enum HouseholdField {
    LANGUAGES("languages"),
    PHONE("phone"),
    ARRIVAL_DATE("arrivalDate"),
    ORIGIN_COUNTRY("originCountry"),
    ORIGIN_PLACE("originPlace");

    private final String wireName;

    HouseholdField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<HouseholdField> fromWireName(String name) {
        return Arrays.stream(values()).filter(field -> field.wireName.equals(name)).findFirst();
    }
}
