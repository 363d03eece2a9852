package org.threshold.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.needs.SpecificNeed;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Sex;

/**
 * What the reports count of one household, and nothing that identifies it: its site, its arrival date and, per
 * member, sex, age bracket and the categories of their specific needs ({@code SC}, not {@code SC-UC}). Taken when
 * the household is projected, so reports never read a household's personal data. {@link #encode} is the stored
 * form: {@code F/0-4/SC.DS;M/18-59/} (member by member; sex, bracket, categories).
 */
public record HouseholdFacts(String site, LocalDate arrival, List<Person> people) {
    private static final Pattern CATEGORY = Pattern.compile("[A-Z]{2}");

    public HouseholdFacts {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(arrival, "arrival");
        people = List.copyOf(people);
    }

    /** One member as the reports count them. */
    public record Person(Sex sex, AgeBracket age, SortedSet<String> needCategories) {
        public Person {
            Objects.requireNonNull(sex, "sex");
            Objects.requireNonNull(age, "age");
            needCategories = new TreeSet<>(needCategories);
            for (String category : needCategories) {
                if (!CATEGORY.matcher(category).matches()) {
                    throw new IllegalArgumentException("A need category is two capital letters, not " + category);
                }
            }
        }

        @Override
        public SortedSet<String> needCategories() {
            return java.util.Collections.unmodifiableSortedSet(needCategories);
        }
    }

    /**
     * The facts of {@code household}, registered at {@code site}; a need code the catalogue no longer lists counts
     * under its first two letters.
     */
    public static HouseholdFacts of(String site, Household household, NeedsCatalogue catalogue) {
        List<Person> people = new ArrayList<>(household.members().size());
        for (Member member : household.members()) {
            SortedSet<String> categories = new TreeSet<>();
            for (String code : member.needs()) {
                categories.add(catalogue.find(code).map(HouseholdFacts::category).orElse(code.substring(0, 2)));
            }
            people.add(new Person(member.sex(), AgeBracket.of(member, household.arrivalDate()), categories));
        }
        return new HouseholdFacts(site, household.arrivalDate(), people);
    }

    private static String category(SpecificNeed need) {
        return need.parent() != null ? need.parent() : need.code();
    }

    /** The members' part of the stored form; site and arrival are stored in their own columns. */
    public String encode() {
        StringBuilder out = new StringBuilder();
        for (Person person : people) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(person.sex().name()).append('/').append(person.age().label()).append('/')
                    .append(String.join(".", person.needCategories()));
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException if {@code members} is not what {@link #encode} writes */
    public static HouseholdFacts decode(String site, LocalDate arrival, String members) {
        List<Person> people = new ArrayList<>();
        if (!members.isEmpty()) {
            for (String person : members.split(";", -1)) {
                String[] parts = person.split("/", -1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("Stored report facts are damaged");
                }
                SortedSet<String> categories = new TreeSet<>();
                if (!parts[2].isEmpty()) {
                    categories.addAll(List.of(parts[2].split("\\.", -1)));
                }
                people.add(new Person(Sex.valueOf(parts[0]), AgeBracket.ofLabel(parts[1]), categories));
            }
        }
        return new HouseholdFacts(site, arrival, people);
    }
}
