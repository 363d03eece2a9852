package org.threshold.core.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.threshold.core.needs.NeedsCatalogue;

/**
 * Turns a household's needs and consents into suggested referrals, by the routing rules. Pure: the same household,
 * consents and instant always give the same suggestions.
 *
 * <p>For each service and person, a code routed to the service is shared on the person's consent to that purpose;
 * without it, only on the rule's other basis if that basis holds for the person (best interests for a child, vital
 * interests for anyone), and never for a personal-consent-only service. Codes with no basis are withheld. Shared
 * codes are grouped into one referral per service and basis; its urgency is that of its most urgent code.
 */
public final class ReferralSuggester {

    private final ReferralData data;
    private final Comparator<String> catalogueOrder;

    public ReferralSuggester(ReferralData data) {
        this.data = Objects.requireNonNull(data, "data");
        Map<String, Integer> position = new HashMap<>();
        data.catalogue().all().forEach(need -> position.put(need.code(), position.size()));
        this.catalogueOrder = Comparator.comparing(position::get);
    }

    /** @param at when the referrals are requested; due times count from it */
    public ReferralSuggestions suggest(HouseholdNeeds household, ReferralConsents consents, Instant at) {
        List<PersonNeeds> people = household.people().stream()
                .sorted(Comparator.comparingInt(PersonNeeds::member)).toList();
        List<SuggestedReferral> referrals = new ArrayList<>();
        List<WithheldReferral> withheld = new ArrayList<>();
        for (Service service : data.services().all()) {
            Map<LegalBasis, List<ReferredPerson>> shared = new EnumMap<>(LegalBasis.class);
            Map<LegalBasis, Urgency> urgency = new EnumMap<>(LegalBasis.class);
            List<ReferredPerson> held = new ArrayList<>();
            for (PersonNeeds person : people) {
                Map<LegalBasis, List<String>> sharedCodes = new EnumMap<>(LegalBasis.class);
                List<String> heldCodes = new ArrayList<>();
                boolean consented = consents.holds(person.member(), service);
                for (String code : inCatalogueOrder(person.needs())) {
                    Optional<Route> route = routeTo(code, service);
                    if (route.isEmpty()) {
                        continue;
                    }
                    Optional<LegalBasis> basis = basis(route.get(), service, consented, person);
                    if (basis.isPresent()) {
                        sharedCodes.computeIfAbsent(basis.get(), b -> new ArrayList<>()).add(code);
                        urgency.merge(basis.get(), route.get().urgency(), Urgency::mostUrgent);
                    } else {
                        heldCodes.add(code);
                    }
                }
                sharedCodes.forEach((basis, codes) -> shared.computeIfAbsent(basis, b -> new ArrayList<>())
                        .add(new ReferredPerson(person.member(), codes)));
                if (!heldCodes.isEmpty()) {
                    held.add(new ReferredPerson(person.member(), heldCodes));
                }
            }
            shared.forEach((basis, referred) -> referrals.add(new SuggestedReferral(service.id(), urgency.get(basis),
                    at.plus(urgency.get(basis).dueIn()), basis, referred)));
            if (!held.isEmpty()) {
                withheld.add(new WithheldReferral(service.id(), service.personalConsentOnly()
                        ? WithheldReferral.Missing.PERSONAL_CONSENT : WithheldReferral.Missing.CONSENT, held));
            }
        }
        return new ReferralSuggestions(referrals, withheld);
    }

    // The loader already refuses a basis without consent for a personal-consent-only service; the domain says it too.
    private static Optional<LegalBasis> basis(Route route, Service service, boolean consented, PersonNeeds person) {
        if (consented) {
            return Optional.of(LegalBasis.CONSENT);
        }
        if (service.personalConsentOnly()) {
            return Optional.empty();
        }
        return route.basisWithoutConsent().filter(basis -> basis.holdsWithoutConsentFor(person.ageYears()));
    }

    private Optional<Route> routeTo(String code, Service service) {
        return data.rules().routes(code).stream().filter(route -> route.service().equals(service.id())).findFirst();
    }

    // Codes the catalogue does not hold route nowhere; a validated registration carries none.
    private List<String> inCatalogueOrder(List<String> codes) {
        NeedsCatalogue catalogue = data.catalogue();
        return codes.stream().distinct().filter(code -> catalogue.find(code).isPresent()).sorted(catalogueOrder)
                .toList();
    }
}
