package org.threshold.core.referral;

import java.time.LocalDate;
import java.util.List;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;

/**
 * What a viewer may see of one household member; every field the viewer may not see is {@code null}. {@code member}
 * is the index in the household's member list, which is how referrals name people.
 */
public record VisiblePerson(int member, String givenName, String familyName, String givenNameLatin,
                            String familyNameLatin, Sex sex, LocalDate birthDate, Boolean birthDateEstimated,
                            Integer ageEstimate, String nationality, Relationship relationship, List<String> needs) {

    public VisiblePerson {
        needs = List.copyOf(needs);
    }

    @Override
    public String toString() {
        return "VisiblePerson[member " + member + ", personal data redacted]";
    }
}
