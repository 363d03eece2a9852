package org.threshold.core.referral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;

/**
 * The need-to-know filter: what of a household a viewer may see. Pure, so the hub's one access policy can call it for
 * pages, the API, search and exports alike; the policy decides who the viewer is, this decides what they see.
 */
public final class NeedToKnow {

    private NeedToKnow() {
    }

    /**
     * What a caseworker of the profile's service sees of a household through one of its referrals: the people the
     * profile's scope allows (only {@code referredMembers}, or the whole household), their allowed fields, and of
     * their needs only the codes the profile lists.
     */
    public static VisibleHousehold forReferral(FieldProfile profile, Household household,
                                               Collection<Integer> referredMembers) {
        Set<Integer> referred = Set.copyOf(referredMembers);
        IntPredicate shown = profile.people() == PeopleScope.HOUSEHOLD ? member -> true : referred::contains;
        return view(household, shown, profile.personFields(), profile.householdFields(), profile.needs());
    }

    /**
     * What a protection officer sees of a household they open: every member and field, and of their needs only
     * {@code visibleCodes} (see {@link ReferralData#codesForProtectionOfficer}).
     */
    public static VisibleHousehold forProtectionOfficer(Household household, Set<String> visibleCodes) {
        return view(household, member -> true, EnumSet.allOf(PersonField.class), EnumSet.allOf(HouseholdField.class),
                visibleCodes);
    }

    private static VisibleHousehold view(Household household, IntPredicate shown, Set<PersonField> fields,
                                         Set<HouseholdField> householdFields, Set<String> codes) {
        List<VisiblePerson> people = new ArrayList<>();
        for (int index = 0; index < household.members().size(); index++) {
            if (shown.test(index)) {
                people.add(person(index, household.members().get(index), fields, codes));
            }
        }
        return new VisibleHousehold(
                householdFields.contains(HouseholdField.LANGUAGES) ? household.languages() : null,
                householdFields.contains(HouseholdField.PHONE) ? household.phone() : null,
                householdFields.contains(HouseholdField.ARRIVAL_DATE) ? household.arrivalDate() : null,
                householdFields.contains(HouseholdField.ORIGIN_COUNTRY) ? household.origin().country() : null,
                householdFields.contains(HouseholdField.ORIGIN_PLACE) ? household.origin().place() : null,
                people);
    }

    private static VisiblePerson person(int index, Member member, Set<PersonField> fields, Set<String> codes) {
        boolean latin = fields.contains(PersonField.LATIN_NAMES);
        boolean birth = fields.contains(PersonField.BIRTH_DATE);
        return new VisiblePerson(index,
                fields.contains(PersonField.GIVEN_NAME) ? member.givenName() : null,
                fields.contains(PersonField.FAMILY_NAME) ? member.familyName() : null,
                latin ? member.givenNameLatin() : null,
                latin ? member.familyNameLatin() : null,
                fields.contains(PersonField.SEX) ? member.sex() : null,
                birth ? member.birthDate() : null,
                birth ? member.birthDateEstimated() : null,
                birth ? member.ageEstimate() : null,
                fields.contains(PersonField.NATIONALITY) ? member.nationality() : null,
                fields.contains(PersonField.RELATIONSHIP) ? member.relationship() : null,
                member.needs().stream().filter(codes::contains).toList());
    }
}
