package org.threshold.core.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.threshold.core.needs.SpecificNeed;

/** Households with any catalogue codes, ages and consents, for the referral properties. */
final class ReferralCases {

    private ReferralCases() {
    }

    /** A household and the consents recorded for it. */
    record Case(HouseholdNeeds household, ReferralConsents consents) {
    }

    static Arbitrary<Case> arbitrary(ReferralData data) {
        List<String> codes = data.catalogue().all().stream().map(SpecificNeed::code).toList();
        List<String> services = data.services().all().stream().map(Service::id).toList();
        Arbitrary<List<String>> needs = Arbitraries.of(codes).list().ofMaxSize(4);
        Arbitrary<List<PersonNeeds>> people = Combinators.combine(Arbitraries.integers().between(0, 90), needs)
                .as((age, list) -> new Object[] {age, list}).list().ofMinSize(1).ofMaxSize(6)
                .map(rows -> {
                    List<PersonNeeds> list = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        @SuppressWarnings("unchecked")
                        List<String> codesOf = (List<String>) rows.get(i)[1];
                        list.add(new PersonNeeds(i, (Integer) rows.get(i)[0], codesOf));
                    }
                    return list;
                });
        Arbitrary<Set<String>> someServices = Arbitraries.of(services).set();
        return Combinators.combine(people, someServices, someServices.list().ofSize(6)).as((list, household, personal) -> {
            ReferralConsents consents = ReferralConsents.ofHousehold(household);
            for (int i = 0; i < list.size(); i++) {
                consents = consents.withPersonal(i, personal.get(i));
            }
            return new Case(new HouseholdNeeds(list), consents);
        });
    }
}
