package org.threshold.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReferralSuggesterProperties {

    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");

    private final ReferralData data = ReferralData.bundled();
    private final ReferralSuggester suggester = new ReferralSuggester(data);

    @Property
    void neverSuggestsAReferralWithoutABasisThatHoldsForEachPerson(@ForAll("cases") ReferralCases.Case c) {
        for (SuggestedReferral referral : suggester.suggest(c.household(), c.consents(), AT).referrals()) {
            Service service = data.services().require(referral.service());
            for (ReferredPerson person : referral.people()) {
                PersonNeeds needs = person(c, person.member());
                if (referral.basis() == LegalBasis.CONSENT) {
                    assertThat(c.consents().holds(person.member(), service)).isTrue();
                } else {
                    assertThat(c.consents().holds(person.member(), service)).isFalse();
                    assertThat(service.personalConsentOnly()).isFalse();
                    assertThat(referral.basis().holdsWithoutConsentFor(needs.ageYears())).isTrue();
                    for (String code : person.needs()) {
                        assertThat(route(code, service.id()).withoutConsent()).isEqualTo(referral.basis());
                    }
                }
            }
        }
    }

    @Property
    void neverRefersToGbvWithoutTheSurvivorsOwnConsent(@ForAll("cases") ReferralCases.Case c) {
        Service gbv = data.services().require("gbv");
        for (SuggestedReferral referral : suggester.suggest(c.household(), c.consents(), AT).referrals()) {
            if (referral.service().equals("gbv")) {
                assertThat(referral.basis()).isEqualTo(LegalBasis.CONSENT);
                referral.people().forEach(person -> assertThat(c.consents().holds(person.member(), gbv)).isTrue());
            }
        }
    }

    @Property
    void neverRefersToGbvOnTheHouseholdsConsentAlone(@ForAll("cases") ReferralCases.Case c) {
        ReferralConsents householdOnly = ReferralConsents.ofHousehold(
                data.services().all().stream().map(Service::id).toList());

        assertThat(suggester.suggest(c.household(), householdOnly, AT).referrals())
                .noneMatch(referral -> referral.service().equals("gbv"));
    }

    // Each code a person carries that routes to a service is either in exactly one referral to it or withheld,
    // and nothing else is: no code travels to a service the rules do not send it to.
    @Property
    void sharesOrWithholdsEachRoutedCodeExactlyOnce(@ForAll("cases") ReferralCases.Case c) {
        ReferralSuggestions suggestions = suggester.suggest(c.household(), c.consents(), AT);
        Map<String, List<String>> seen = new HashMap<>();
        suggestions.referrals().forEach(r -> r.people().forEach(p -> p.needs().forEach(code ->
                seen.computeIfAbsent(r.service() + "/" + p.member(), k -> new ArrayList<>()).add(code))));
        suggestions.withheld().forEach(w -> w.people().forEach(p -> p.needs().forEach(code ->
                seen.computeIfAbsent(w.service() + "/" + p.member(), k -> new ArrayList<>()).add(code))));
        Map<String, List<String>> expected = new HashMap<>();
        for (PersonNeeds person : c.household().people()) {
            person.needs().stream().distinct().forEach(code -> data.rules().routes(code).forEach(route ->
                    expected.computeIfAbsent(route.service() + "/" + person.member(), k -> new ArrayList<>())
                            .add(code)));
        }
        assertThat(seen.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, codes) -> assertThat(seen.get(key)).containsExactlyInAnyOrderElementsOf(codes));
    }

    @Property
    void dueTimeFollowsTheMostUrgentSharedCode(@ForAll("cases") ReferralCases.Case c) {
        for (SuggestedReferral referral : suggester.suggest(c.household(), c.consents(), AT).referrals()) {
            Urgency most = referral.people().stream().flatMap(p -> p.needs().stream())
                    .map(code -> route(code, referral.service()).urgency()).reduce(Urgency::mostUrgent).orElseThrow();
            assertThat(referral.urgency()).isEqualTo(most);
            assertThat(referral.dueAt()).isEqualTo(AT.plus(most.dueIn()));
        }
    }

    @Provide
    Arbitrary<ReferralCases.Case> cases() {
        return ReferralCases.arbitrary(data);
    }

    private static PersonNeeds person(ReferralCases.Case c, int member) {
        return c.household().people().stream().filter(p -> p.member() == member).findFirst().orElseThrow();
    }

    private Route route(String code, String service) {
        return data.rules().routes(code).stream().filter(r -> r.service().equals(service)).findFirst().orElseThrow();
    }
}
