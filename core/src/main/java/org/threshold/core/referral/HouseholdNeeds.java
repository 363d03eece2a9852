package org.threshold.core.referral;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;

/** The members of one household as referral suggestion sees them: index, age and needs, nothing personal. */
public record HouseholdNeeds(List<PersonNeeds> people) {

    public HouseholdNeeds {
        people = List.copyOf(people);
        Set<Integer> members = new HashSet<>();
        for (PersonNeeds person : people) {
            if (!members.add(person.member())) {
                throw new IllegalArgumentException("Member " + person.member() + " is listed twice");
            }
        }
    }

    /**
     * The needs of a registered household, with each member's age on {@code today}: from the date of birth when
     * there is one (estimated or not), otherwise the estimated age.
     */
    public static HouseholdNeeds of(Household household, LocalDate today) {
        List<PersonNeeds> people = new ArrayList<>();
        for (int index = 0; index < household.members().size(); index++) {
            Member member = household.members().get(index);
            people.add(new PersonNeeds(index, age(member, today), member.needs()));
        }
        return new HouseholdNeeds(people);
    }

    private static int age(Member member, LocalDate today) {
        if (member.birthDate() != null) {
            return Math.max(0, Period.between(member.birthDate(), today).getYears());
        }
        if (member.ageEstimate() != null) {
            return member.ageEstimate();
        }
        throw new IllegalArgumentException("A registered member has a date of birth or an estimated age");
    }
}
