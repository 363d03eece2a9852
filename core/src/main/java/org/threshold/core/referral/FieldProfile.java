package org.threshold.core.referral;

import java.util.Objects;
import java.util.Set;

/**
 * What a service's caseworker may see of a household it has a referral for (need-to-know, purpose limitation):
 * which people, which of their fields, which household fields, and which need codes.
 */
public record FieldProfile(String service, PeopleScope people, Set<PersonField> personFields,
                           Set<HouseholdField> householdFields, Set<String> needs) {

    public FieldProfile {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(people, "people");
        personFields = Set.copyOf(personFields);
        householdFields = Set.copyOf(householdFields);
        needs = Set.copyOf(needs);
    }
}
