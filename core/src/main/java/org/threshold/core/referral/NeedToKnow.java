package org.threshold.core.referral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
        return forReferral(profile, referredMembers).view(household);
    }

    /** The {@link Sight} of {@link #forReferral(FieldProfile, Household, Collection)}, before any household is read. */
    public static Sight forReferral(FieldProfile profile, Collection<Integer> referredMembers) {
        return new Sight(profile.people() == PeopleScope.HOUSEHOLD ? null : Set.copyOf(referredMembers),
                profile.personFields(), profile.householdFields(), profile.needs());
    }

    /**
     * What a protection officer sees of a household they open: every member and field, and of their needs only
     * {@code visibleCodes} (see {@link ReferralData#codesForProtectionOfficer}).
     */
    public static VisibleHousehold forProtectionOfficer(Household household, Set<String> visibleCodes) {
        return new Sight(null, EnumSet.allOf(PersonField.class), EnumSet.allOf(HouseholdField.class), visibleCodes)
                .view(household);
    }

    /**
     * What one viewer may see of any household, decided before it is read: so a reader of a stored household can skip
     * the members, fields and codes that {@link #view} would leave out, and give the same view. Immutable.
     */
    public static final class Sight {
        private final Set<Integer> members;
        private final Set<PersonField> personFields;
        private final Set<HouseholdField> householdFields;
        private final Set<String> codes;

        /** @param members the members shown, by index; null for every member */
        private Sight(Set<Integer> members, Set<PersonField> personFields, Set<HouseholdField> householdFields,
                      Set<String> codes) {
            this.members = members;
            // Asked once per field read: an EnumSet answers without hashing.
            this.personFields = personFields.isEmpty() ? EnumSet.noneOf(PersonField.class)
                    : EnumSet.copyOf(personFields);
            this.householdFields = householdFields.isEmpty() ? EnumSet.noneOf(HouseholdField.class)
                    : EnumSet.copyOf(householdFields);
            this.codes = codes;
        }

        /** Whether the member at {@code index} in the household's list is shown at all. */
        public boolean showsMember(int index) {
            return members == null || members.contains(index);
        }

        public boolean shows(PersonField field) {
            return personFields.contains(field);
        }

        public boolean shows(HouseholdField field) {
            return householdFields.contains(field);
        }

        /** Whether a shown member's need {@code code} is shown. */
        public boolean showsCode(String code) {
            return codes.contains(code);
        }

        /** What this sight shows of {@code household}: every field it may not show is null. */
        public VisibleHousehold view(Household household) {
            List<VisiblePerson> people = new ArrayList<>();
            for (int index = 0; index < household.members().size(); index++) {
                if (showsMember(index)) {
                    people.add(person(index, household.members().get(index)));
                }
            }
            return new VisibleHousehold(
                    shows(HouseholdField.LANGUAGES) ? household.languages() : null,
                    shows(HouseholdField.PHONE) ? household.phone() : null,
                    shows(HouseholdField.ARRIVAL_DATE) ? household.arrivalDate() : null,
                    shows(HouseholdField.ORIGIN_COUNTRY) ? household.origin().country() : null,
                    shows(HouseholdField.ORIGIN_PLACE) ? household.origin().place() : null,
                    people);
        }

        private VisiblePerson person(int index, Member member) {
            boolean latin = shows(PersonField.LATIN_NAMES);
            boolean birth = shows(PersonField.BIRTH_DATE);
            return new VisiblePerson(index,
                    shows(PersonField.GIVEN_NAME) ? member.givenName() : null,
                    shows(PersonField.FAMILY_NAME) ? member.familyName() : null,
                    latin ? member.givenNameLatin() : null,
                    latin ? member.familyNameLatin() : null,
                    shows(PersonField.SEX) ? member.sex() : null,
                    birth ? member.birthDate() : null,
                    birth ? member.birthDateEstimated() : null,
                    birth ? member.ageEstimate() : null,
                    shows(PersonField.NATIONALITY) ? member.nationality() : null,
                    shows(PersonField.RELATIONSHIP) ? member.relationship() : null,
                    shownCodes(member.needs()));
        }

        private List<String> shownCodes(List<String> needs) {
            List<String> shown = new ArrayList<>(needs.size());
            for (String code : needs) {
                if (codes.contains(code)) {
                    shown.add(code);
                }
            }
            return shown;
        }

        @Override
        public String toString() {
            return "Sight[" + (members == null ? "every member" : members.size() + " members") + ", "
                    + personFields + ", " + householdFields + ", " + codes.size() + " codes]";
        }
    }
}
