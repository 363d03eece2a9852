package org.threshold.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threshold.core.needs.Sensitivity;
import org.threshold.core.needs.SpecificNeed;

/** The shipped services, rules and profiles against the domain reference, sections 1 and 3. */
class BundledReferralDataTest {

    private final ReferralData data = ReferralData.bundled();

    @Test
    void listsTheEightServicesAndWhichAreProtectionServices() {
        assertThat(data.services().all()).extracting(Service::id).containsExactly("child-protection", "gbv", "health",
                "mhpss", "disability", "legal", "family-tracing", "shelter");
        assertThat(data.services().all()).filteredOn(Service::protection).extracting(Service::id)
                .containsExactly("child-protection", "gbv", "legal");
        assertThat(data.services().all()).filteredOn(Service::personalConsentOnly).extracting(Service::id)
                .containsExactly("gbv");
    }

    @ParameterizedTest(name = "{0} -> {1}, {2}, {3}")
    @CsvSource(nullValues = "none", value = {
        "SC-SC, child-protection, EMERGENCY, BEST_INTERESTS",
        "SC-FC, child-protection, URGENT, BEST_INTERESTS",
        "CR-AF, child-protection, URGENT, BEST_INTERESTS",
        "CR-NE, child-protection, PRIORITY, none",
        "SV-VF, gbv, URGENT, none",
        "WR-GM, gbv, URGENT, none",
        "SM-CC, health, EMERGENCY, VITAL_INTERESTS",
        "PG-HR, health, URGENT, VITAL_INTERESTS",
        "SM-CI, health, PRIORITY, none",
        "WR-LC, health, PRIORITY, none",
        "SM-MI, mhpss, PRIORITY, none",
        "TR-PI, mhpss, PRIORITY, none",
        "DS-PS, disability, NORMAL, none",
        "ER-FR, disability, NORMAL, none",
        "LP-RR, legal, EMERGENCY, VITAL_INTERESTS",
        "LP-UP, legal, EMERGENCY, VITAL_INTERESTS",
        "LP-ND, legal, PRIORITY, none",
        "LP-IH, legal, PRIORITY, none",
        "FU-TR, family-tracing, PRIORITY, BEST_INTERESTS",
        "LP-BN, shelter, PRIORITY, none",
        "SP-PT, shelter, PRIORITY, none",
    })
    void routesTheReferenceTableOneServicePerCode(String code, String service, Urgency urgency, LegalBasis basis) {
        assertThat(data.rules().routes(code)).containsExactly(new Route(service, urgency, basis));
    }

    @Test
    void sendsAnUnaccompaniedChildToChildProtectionAndFamilyTracing() {
        assertThat(data.rules().routes("SC-UC")).containsExactly(
                new Route("child-protection", Urgency.EMERGENCY, LegalBasis.BEST_INTERESTS),
                new Route("family-tracing", Urgency.PRIORITY, LegalBasis.BEST_INTERESTS));
    }

    @Test
    void routesThePersonAsRiskCodesNowhere() {
        for (String code : List.of("LP-AP", "LP-VP", "LP-ST", "LP-CR")) {
            assertThat(data.rules().routes(code)).as(code).isEmpty();
            assertThat(data.rules().notRouted()).containsKey(code);
        }
    }

    @Test
    void takesARoutingDecisionForEveryCodeOfTheCatalogue() {
        for (SpecificNeed need : data.catalogue().all()) {
            assertThat(!data.rules().routes(need.code()).isEmpty() || data.rules().notRouted().containsKey(need.code()))
                    .as(need.code()).isTrue();
        }
    }

    @Test
    void neverShowsAHealthCaseworkerAnSgbvOrTortureCode() {
        assertThat(data.profiles().of("health").needs())
                .noneMatch(code -> code.startsWith("SV") || code.startsWith("TR"))
                .doesNotContain("LP-TA", "LP-TO", "LP-VA", "LP-VF", "LP-VO", "SM-MI", "SM-AD");
    }

    @Test
    void showsEachSensitiveCodeOnlyToTheServicesThatHandleIt() {
        for (Service service : data.services().all()) {
            Set<String> sensitiveSeen = new HashSet<>(data.profiles().of(service.id()).needs());
            sensitiveSeen.removeIf(code -> !data.catalogue().isSensitive(code));
            assertThat(data.rules().codesRoutedTo(service.id())).as(service.id()).containsAll(sensitiveSeen);
        }
    }

    @Test
    void keepsTheGbvReferralToTheSurvivorAndWithoutThePhoneShared() {
        FieldProfile gbv = data.profiles().of("gbv");

        assertThat(gbv.people()).isEqualTo(PeopleScope.REFERRED);
        assertThat(gbv.householdFields()).doesNotContain(HouseholdField.PHONE);
        assertThat(gbv.personFields()).doesNotContain(PersonField.RELATIONSHIP);
    }

    @Test
    void showsAProtectionOfficerTheSensitiveCodesOfTheirOwnProtectionServicesOnly() {
        Set<String> childProtectionOfficer = data.codesForProtectionOfficer(Set.of("child-protection", "health"));

        assertThat(childProtectionOfficer).contains("CR-AF", "LP-AP", "LP-CR", "SC-UC", "SM-CC")
                .doesNotContain("SV-VF", "TR-PI", "LP-RR", "SM-MI");
        assertThat(data.codesForProtectionOfficer(Set.of("gbv", "child-protection", "legal")))
                .contains("SV-VF", "WR-GM", "LP-RR", "LP-IH", "CR-AF").doesNotContain("TR-PI", "SM-MI");
        assertThat(data.catalogue().all()).filteredOn(need -> need.sensitivity() == Sensitivity.NONE)
                .allSatisfy(need -> assertThat(childProtectionOfficer).contains(need.code()));
    }

    @Test
    void isReadOnceAndShared() {
        assertThat(ReferralData.bundled()).isSameAs(data);
    }
}
