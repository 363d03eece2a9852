package org.threshold.core.referral;

import java.util.Arrays;
import java.util.Optional;

/** Which members of a household a service's caseworker sees. */
public enum PeopleScope {
    /** Only the people the referral names. */
    REFERRED("referred"),
    /** Every member, e.g. for family tracing or shelter, which work with the whole household. */
    HOUSEHOLD("household");

    private final String wireName;

    PeopleScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<PeopleScope> fromWireName(String name) {
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(name)).findFirst();
    }
}
