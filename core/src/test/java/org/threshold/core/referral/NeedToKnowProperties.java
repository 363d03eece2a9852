package org.threshold.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threshold.core.needs.SpecificNeed;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;

class NeedToKnowProperties {

    private final ReferralData data = ReferralData.bundled();

    @Property
    void aServicesViewHoldsOnlyCodesOfItsProfileAndOnlyThePeopleItsScopeAllows(
            @ForAll("households") Household household, @ForAll("services") String service,
            @ForAll("memberSets") Set<Integer> referred) {
        FieldProfile profile = data.profiles().of(service);

        VisibleHousehold view = NeedToKnow.forReferral(profile, household, referred);

        for (VisiblePerson person : view.people()) {
            assertThat(profile.needs()).containsAll(person.needs());
            assertThat(household.members().get(person.member()).needs()).containsAll(person.needs());
            if (profile.people() == PeopleScope.REFERRED) {
                assertThat(referred).contains(person.member());
            }
            if (!profile.personFields().contains(PersonField.NATIONALITY)) {
                assertThat(person.nationality()).isNull();
            }
            if (!profile.personFields().contains(PersonField.RELATIONSHIP)) {
                assertThat(person.relationship()).isNull();
            }
        }
        if (!profile.householdFields().contains(HouseholdField.PHONE)) {
            assertThat(view.phone()).isNull();
        }
    }

    @Property
    void aHealthViewNeverHoldsAnSgbvOrTortureCode(@ForAll("households") Household household,
                                                  @ForAll("memberSets") Set<Integer> referred) {
        VisibleHousehold view = NeedToKnow.forReferral(data.profiles().of("health"), household, referred);

        assertThat(view.people()).flatExtracting(VisiblePerson::needs)
                .noneMatch(code -> code.startsWith("SV") || code.startsWith("TR")
                        || data.catalogue().require(code).sensitive());
    }

    @Property
    void aProtectionOfficerSeesOnlyTheirScopesCodes(@ForAll("households") Household household,
                                                    @ForAll("serviceSets") Set<String> served) {
        Set<String> codes = data.codesForProtectionOfficer(served);

        VisibleHousehold view = NeedToKnow.forProtectionOfficer(household, codes);

        assertThat(view.people()).hasSameSizeAs(household.members());
        assertThat(view.people()).flatExtracting(VisiblePerson::needs).allMatch(codes::contains);
    }

    @Provide
    Arbitrary<String> services() {
        return Arbitraries.of(data.services().all().stream().map(Service::id).toList());
    }

    @Provide
    Arbitrary<Set<String>> serviceSets() {
        return services().set();
    }

    @Provide
    Arbitrary<Set<Integer>> memberSets() {
        return Arbitraries.integers().between(0, 5).set();
    }

    @Provide
    Arbitrary<Household> households() {
        List<String> codes = data.catalogue().all().stream().map(SpecificNeed::code).toList();
        Arbitrary<Member> members = Combinators.combine(Arbitraries.of(Sex.class),
                        Arbitraries.of(codes).set().ofMaxSize(6), Arbitraries.integers().between(0, 90))
                .as((sex, needs, age) -> new Member("Given", "Family", null, null, sex, null, false, age, "SYR",
                        Relationship.OTHER_RELATIVE, List.copyOf(needs)));
        return members.list().ofMinSize(1).ofMaxSize(6).map(list -> {
            List<Member> all = new ArrayList<>(list);
            Member first = all.get(0);
            all.set(0, new Member(first.givenName(), first.familyName(), null, null, first.sex(), null, false,
                    first.ageEstimate(), "SYR", Relationship.FOCAL_POINT, first.needs()));
            return new Household(LocalDate.of(2026, 12, 1), new Origin("SYR", "Homs"), List.of("ar"), "+963 1234567",
                    new Consent(true, true), all);
        });
    }
}
