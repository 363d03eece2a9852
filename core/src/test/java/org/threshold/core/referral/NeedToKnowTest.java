package org.threshold.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;

class NeedToKnowTest {

    private final ReferralData data = ReferralData.bundled();

    private final Member mother = new Member("Amina", "Yusuf", "Amina", "Yusuf", Sex.F, LocalDate.of(1990, 5, 1), false,
            null, "SYR", Relationship.FOCAL_POINT, List.of("SV-VO", "SM-CC", "LP-RR"));
    private final Member son = new Member("Omar", "Yusuf", null, null, Sex.M, null, false, 9, "SYR", Relationship.SON,
            List.of("CR-NE", "SM-CI"));
    private final Household household = new Household(LocalDate.of(2026, 12, 1), new Origin("SYR", "Aleppo"),
            List.of("ar"), "+963 11 555 0100", new Consent(true, true), List.of(mother, son));

    @Test
    void showsAHealthCaseworkerOnlyTheReferredPeopleTheirMedicalCodesAndContactFields() {
        VisibleHousehold view = NeedToKnow.forReferral(data.profiles().of("health"), household, List.of(0));

        assertThat(view.people()).singleElement().satisfies(person -> {
            assertThat(person.member()).isZero();
            assertThat(person.givenName()).isEqualTo("Amina");
            assertThat(person.birthDate()).isEqualTo(LocalDate.of(1990, 5, 1));
            assertThat(person.needs()).containsExactly("SM-CC");
            assertThat(person.nationality()).isNull();
            assertThat(person.relationship()).isNull();
        });
        assertThat(view.phone()).isEqualTo("+963 11 555 0100");
        assertThat(view.languages()).containsExactly("ar");
        assertThat(view.originCountry()).isNull();
        assertThat(view.originPlace()).isNull();
        assertThat(view.arrivalDate()).isNull();
    }

    @Test
    void showsAGbvCaseworkerTheSurvivorWithoutTheHouseholdPhone() {
        VisibleHousehold view = NeedToKnow.forReferral(data.profiles().of("gbv"), household, List.of(0));

        assertThat(view.people()).singleElement().satisfies(person -> {
            assertThat(person.needs()).containsExactly("SV-VO");
            assertThat(person.relationship()).isNull();
        });
        assertThat(view.phone()).isNull();
    }

    @Test
    void showsShelterTheWholeHouseholdButNoneOfItsMedicalOrProtectionCodes() {
        VisibleHousehold view = NeedToKnow.forReferral(data.profiles().of("shelter"), household, List.of(0));

        assertThat(view.people()).extracting(VisiblePerson::member).containsExactly(0, 1);
        assertThat(view.people()).allSatisfy(person -> assertThat(person.needs()).isEmpty());
        assertThat(view.people()).extracting(VisiblePerson::relationship)
                .containsExactly(Relationship.FOCAL_POINT, Relationship.SON);
        assertThat(view.people()).extracting(VisiblePerson::nationality).containsOnlyNulls();
    }

    @Test
    void showsAProtectionOfficerEveryoneWithTheCodesOfTheirScope() {
        Set<String> codes = data.codesForProtectionOfficer(Set.of("child-protection"));

        VisibleHousehold view = NeedToKnow.forProtectionOfficer(household, codes);

        assertThat(view.people()).extracting(VisiblePerson::needs)
                .containsExactly(List.of("SM-CC"), List.of("CR-NE", "SM-CI"));
        assertThat(view.originPlace()).isEqualTo("Aleppo");
    }

    @Test
    void keepsPersonalDataOutOfItsTextForm() {
        VisibleHousehold view = NeedToKnow.forProtectionOfficer(household, Set.of());

        assertThat(view.toString()).doesNotContain("Amina", "Yusuf", "963");
        assertThat(view.people().get(0).toString()).doesNotContain("Amina");
    }
}
