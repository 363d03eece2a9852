package org.threshold.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threshold.core.referral.WithheldReferral.Missing;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;

class ReferralSuggesterTest {

    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");

    private final ReferralData data = ReferralData.bundled();
    private final ReferralSuggester suggester = new ReferralSuggester(data);

    @Test
    void refersAnUnaccompaniedChildWithoutConsentInTheChildsBestInterests() {
        ReferralSuggestions suggestions = suggest(ReferralConsents.none(), new PersonNeeds(0, 15, List.of("SC-UC")));

        assertThat(suggestions.referrals()).containsExactly(
                new SuggestedReferral("child-protection", Urgency.EMERGENCY, AT.plus(Duration.ofHours(1)),
                        LegalBasis.BEST_INTERESTS, List.of(new ReferredPerson(0, List.of("SC-UC")))),
                new SuggestedReferral("family-tracing", Urgency.PRIORITY, AT.plus(Duration.ofDays(1)),
                        LegalBasis.BEST_INTERESTS, List.of(new ReferredPerson(0, List.of("SC-UC")))));
        assertThat(suggestions.withheld()).isEmpty();
    }

    @Test
    void doesNotInvokeBestInterestsForAnAdult() {
        ReferralSuggestions suggestions = suggest(ReferralConsents.none(), new PersonNeeds(0, 18, List.of("SC-UC")));

        assertThat(suggestions.referrals()).isEmpty();
        assertThat(suggestions.withheld()).extracting(WithheldReferral::service, WithheldReferral::missing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("child-protection", Missing.CONSENT),
                        org.assertj.core.groups.Tuple.tuple("family-tracing", Missing.CONSENT));
    }

    @Test
    void refersALifeThreateningConditionInVitalInterestsButWithholdsTheRestUntilConsent() {
        ReferralSuggestions suggestions = suggest(ReferralConsents.none(),
                new PersonNeeds(0, 40, List.of("SM-CI", "SM-CC")));

        assertThat(suggestions.referrals()).containsExactly(new SuggestedReferral("health", Urgency.EMERGENCY,
                AT.plus(Duration.ofHours(1)), LegalBasis.VITAL_INTERESTS, List.of(new ReferredPerson(0, List.of("SM-CC")))));
        assertThat(suggestions.withheld()).containsExactly(
                new WithheldReferral("health", Missing.CONSENT, List.of(new ReferredPerson(0, List.of("SM-CI")))));
    }

    @Test
    void sharesEveryRelevantCodeOnConsentAtTheMostUrgentCodesPace() {
        ReferralSuggestions suggestions = suggest(ReferralConsents.ofHousehold(Set.of("health")),
                new PersonNeeds(0, 40, List.of("SM-CI", "SV-VA", "SM-DP")), new PersonNeeds(1, 2, List.of("SM-MN")));

        assertThat(suggestions.referrals()).containsExactly(new SuggestedReferral("health", Urgency.URGENT,
                AT.plus(Duration.ofHours(3)), LegalBasis.CONSENT,
                List.of(new ReferredPerson(0, List.of("SM-CI", "SM-DP")), new ReferredPerson(1, List.of("SM-MN")))));
        assertThat(suggestions.withheld()).extracting(WithheldReferral::service, WithheldReferral::missing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gbv", Missing.PERSONAL_CONSENT));
    }

    @Test
    void refersASurvivorToGbvOnlyOnTheirOwnConsent() {
        PersonNeeds focalPoint = new PersonNeeds(0, 35, List.of());
        PersonNeeds survivor = new PersonNeeds(1, 30, List.of("SV-VF"));
        ReferralConsents household = ReferralConsents.ofHousehold(Set.of("gbv", "health"));

        assertThat(suggest(household, focalPoint, survivor).referrals()).isEmpty();
        assertThat(suggest(household.withPersonal(0, Set.of("gbv")), focalPoint, survivor).referrals()).isEmpty();
        assertThat(suggest(household.withPersonal(1, Set.of("gbv")), focalPoint, survivor).referrals())
                .containsExactly(new SuggestedReferral("gbv", Urgency.URGENT, AT.plus(Duration.ofHours(3)),
                        LegalBasis.CONSENT, List.of(new ReferredPerson(1, List.of("SV-VF")))));
    }

    @Test
    void refersARiskOfRefoulementToLegalAidInVitalInterests() {
        ReferralSuggestions suggestions = suggest(ReferralConsents.none(), new PersonNeeds(0, 30, List.of("LP-RR")));

        assertThat(suggestions.referrals()).extracting(SuggestedReferral::service, SuggestedReferral::urgency,
                SuggestedReferral::basis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("legal", Urgency.EMERGENCY, LegalBasis.VITAL_INTERESTS));
    }

    @Test
    void neverRefersThePersonAsARiskToOthers() {
        ReferralSuggestions suggestions = suggest(ReferralConsents.ofHousehold(Set.of("legal", "child-protection")),
                new PersonNeeds(0, 30, List.of("LP-AP", "LP-ST", "LP-CR", "LP-VP")));

        assertThat(suggestions.referrals()).isEmpty();
        assertThat(suggestions.withheld()).isEmpty();
    }

    @Test
    void readsConsentAndAgesFromARegistration() {
        Member mother = member("SV-VO", Relationship.FOCAL_POINT, LocalDate.of(1990, 5, 1), null);
        Member son = member("SM-CI", Relationship.SON, null, 17);
        Member daughter = member("SV-FM", Relationship.DAUGHTER, LocalDate.of(2010, 1, 1), null);
        Household household = new Household(LocalDate.of(2026, 12, 1), new Origin("SYR", null), List.of("ar"), null,
                new Consent(true, true), List.of(mother, son, daughter));

        HouseholdNeeds needs = HouseholdNeeds.of(household, LocalDate.of(2026, 12, 2));
        ReferralSuggestions suggestions = suggester.suggest(needs,
                ReferralConsents.fromRegistration(household, data.services()), AT);

        assertThat(needs.people()).extracting(PersonNeeds::ageYears).containsExactly(36, 17, 16);
        assertThat(suggestions.referrals()).extracting(SuggestedReferral::service, SuggestedReferral::people)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gbv", List.of(new ReferredPerson(0, List.of("SV-VO")))),
                        org.assertj.core.groups.Tuple.tuple("health", List.of(new ReferredPerson(1, List.of("SM-CI")))));
        assertThat(suggestions.withheld()).containsExactly(new WithheldReferral("gbv", Missing.PERSONAL_CONSENT,
                List.of(new ReferredPerson(2, List.of("SV-FM")))));
    }

    @Test
    void aChildSurvivorsOwnConsentIsTheGuardiansConsentWithTheChildsAssent() {
        Member mother = member("SM-CI", Relationship.FOCAL_POINT, LocalDate.of(1990, 5, 1), null);
        Member assenting = member("SV-FM", Relationship.DAUGHTER, LocalDate.of(2010, 1, 1), null);
        Member notAsked = member("SV-FM", Relationship.DAUGHTER, LocalDate.of(2021, 1, 1), null);
        Consent consent = new Consent(true, true, null, 0, null, null, List.of(
                new Consent.ChildConsent(1, true, Consent.Assent.GIVEN),
                new Consent.ChildConsent(2, true, Consent.Assent.NOT_ASKED)));
        Household household = new Household(LocalDate.of(2026, 12, 1), new Origin("SYR", null), List.of("ar"), null,
                consent, List.of(mother, assenting, notAsked));

        ReferralSuggestions suggestions = suggester.suggest(HouseholdNeeds.of(household, LocalDate.of(2026, 12, 2)),
                ReferralConsents.fromRegistration(household, data.services()), AT);

        assertThat(suggestions.referrals()).filteredOn(r -> r.service().equals("gbv"))
                .extracting(SuggestedReferral::people)
                .containsExactly(List.of(new ReferredPerson(1, List.of("SV-FM"))));
        assertThat(suggestions.withheld()).containsExactly(new WithheldReferral("gbv", Missing.PERSONAL_CONSENT,
                List.of(new ReferredPerson(2, List.of("SV-FM")))));
    }

    @Test
    void sharesNothingWithoutConsentWhenTheRegistrationRecordsNone() {
        Member adult = member("SM-CI", Relationship.FOCAL_POINT, null, 30);
        Household household = new Household(LocalDate.of(2026, 12, 1), new Origin("SYR", null), List.of("ar"), null,
                new Consent(true, false), List.of(adult));

        assertThat(suggester.suggest(HouseholdNeeds.of(household, LocalDate.of(2026, 12, 2)),
                ReferralConsents.fromRegistration(household, data.services()), AT).referrals()).isEmpty();
    }

    private ReferralSuggestions suggest(ReferralConsents consents, PersonNeeds... people) {
        return suggester.suggest(new HouseholdNeeds(List.of(people)), consents, AT);
    }

    private static Member member(String need, Relationship relationship, LocalDate birthDate, Integer age) {
        return new Member("Given", null, null, null, Sex.F, birthDate, false, age, "SYR", relationship, List.of(need));
    }
}
