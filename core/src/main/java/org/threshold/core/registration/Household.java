package org.threshold.core.registration;

import java.time.LocalDate;
import java.util.List;

/** A household as registered: arrival, origin, languages (asked, never inferred), consent and members. */
public record Household(LocalDate arrivalDate, Origin origin, List<String> languages, String phone, Consent consent,
                        List<Member> members) {
    public Household {
        languages = List.copyOf(languages);
        members = List.copyOf(members);
    }

    public Member focalPoint() {
        return members.stream().filter(m -> m.relationship() == Relationship.FOCAL_POINT).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
        return "Household[" + members.size() + " members, personal data redacted]";
    }
}
