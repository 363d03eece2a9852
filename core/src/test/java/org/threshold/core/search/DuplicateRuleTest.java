package org.threshold.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.core.search.DuplicateRule.Reason;

class DuplicateRuleTest {
    private static final LocalDate BORN = LocalDate.of(1990, 3, 1);

    @Test
    void theSamePersonInArabicAtOneKioskAndInLatinAtAnotherIsALikelyDuplicate() {
        Household arabic = household(new Member("نورهان", "الزعبي", null, null, Sex.F, BORN, false, null, "SYR",
                Relationship.FOCAL_POINT, List.of()));
        Household latin = household(new Member("Nourhan", "Al-Zoubi", null, null, Sex.F, BORN, false, null, "SYR",
                Relationship.FOCAL_POINT, List.of()));

        DuplicateRule.Match match = DuplicateRule.score(arabic, latin);

        assertThat(match.score()).isEqualTo(90);
        assertThat(match.reasons()).containsExactlyInAnyOrder(Reason.NAME, Reason.BIRTH_DATE, Reason.SEX);
        assertThat(match.likely()).isTrue();
        assertThat(DuplicateRule.blockingKeys(arabic)).containsAnyElementsOf(HouseholdIndex.duplicateKeys(latin));
    }

    @Test
    void anEstimatedAgeAYearOutStillMeetsButOneNameAloneDoesNot() {
        Household dated = household(person("Amina", "Haddad", Sex.F, BORN, null));
        Household estimated = household(person("Amina", "Haddad", Sex.F, null, 35));
        Household givenNameOnly = household(person("Amina", "Khalil", Sex.F, BORN, null));

        assertThat(DuplicateRule.score(dated, estimated).score()).isEqualTo(70);
        assertThat(DuplicateRule.score(dated, estimated).reasons()).contains(Reason.BIRTH_YEAR);
        assertThat(DuplicateRule.score(dated, givenNameOnly).score()).isEqualTo(65);
        assertThat(DuplicateRule.score(dated, givenNameOnly).likely()).isFalse();
    }

    @Test
    void aDifferentSexOrBirthDateCountsAgainstAndNoSharedNameScoresNothing() {
        Household her = household(person("Amina", "Haddad", Sex.F, BORN, null));

        assertThat(DuplicateRule.score(her, household(person("Amina", "Haddad", Sex.M, BORN, null))).score())
                .isEqualTo(50);
        assertThat(DuplicateRule.score(her, household(person("Amina", "Haddad", Sex.F, BORN.plusDays(1), null)))
                .score()).isEqualTo(40);
        assertThat(DuplicateRule.score(her, household(person("Samir", "Nasser", Sex.F, BORN, null))))
                .isEqualTo(new DuplicateRule.Match(0, java.util.Set.of()));
    }

    @Test
    void theBestPairOfMembersCountsWhateverTheirPlaceInTheHousehold() {
        Household family = new Household(LocalDate.of(2026, 11, 23), new Origin("SYR", "Aleppo"), List.of("ar"), null,
                new Consent(true, true), List.of(person("Samir", "Nasser", Sex.M, LocalDate.of(1985, 1, 1), null),
                person("Amina", "Haddad", Sex.F, BORN, null)));

        assertThat(DuplicateRule.score(household(person("Amina", "Haddad", Sex.F, BORN, null)), family).score())
                .isEqualTo(90);
    }

    @Test
    void termsAndBlockingKeysMadeTogetherAreThoseMadeApart() {
        Household family = new Household(LocalDate.of(2026, 11, 23), new Origin("SYR", "Aleppo"), List.of("ar"), null,
                new Consent(true, true), List.of(new Member("نورهان", "الزعبي", "Nourhan", "Al-Zoubi", Sex.F, BORN,
                false, null, "SYR", Relationship.FOCAL_POINT, List.of()), person("Samir", "الزعبي", Sex.M, null, 36)));

        HouseholdIndex.TermsAndKeys together = HouseholdIndex.termsAndDuplicateKeys(family, DuplicateRule.YEAR_SLACK);

        assertThat(together.terms()).containsExactlyElementsOf(HouseholdIndex.terms(family));
        assertThat(together.duplicateKeys()).containsExactlyElementsOf(DuplicateRule.blockingKeys(family));
        assertThat(BlindIndex.terms(new byte[32], List.of("w:amina", "y:1990"))).usingElementComparator(
                java.util.Arrays::compare).containsExactly(BlindIndex.terms(new byte[32], List.of("w:amina")).get(0),
                BlindIndex.terms(new byte[32], List.of("y:1990")).get(0));
    }

    private static Member person(String given, String family, Sex sex, LocalDate born, Integer age) {
        return new Member(given, family, null, null, sex, born, false, age, "SYR", Relationship.FOCAL_POINT,
                List.of());
    }

    private static Household household(Member member) {
        return new Household(LocalDate.of(2026, 11, 23), new Origin("SYR", "Aleppo"), List.of("ar"), null,
                new Consent(true, true), List.of(member));
    }
}
