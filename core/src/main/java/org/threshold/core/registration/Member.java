package org.threshold.core.registration;

import java.time.LocalDate;
import java.util.List;

/**
 * One person in a household. Names are kept as given (original script) with an optional Latin
 * transliteration; a date of birth may be estimated, or replaced by an estimated age in years.
 * Nullable fields: familyName, the Latin names, birthDate, ageEstimate.
 */
public record Member(String givenName, String familyName, String givenNameLatin, String familyNameLatin, Sex sex,
                     LocalDate birthDate, boolean birthDateEstimated, Integer ageEstimate, String nationality,
                     Relationship relationship, List<String> needs) {
    public Member {
        needs = List.copyOf(needs);
    }

    @Override
    public String toString() {
        return "Member[" + relationship + ", personal data redacted]";
    }
}
