package org.threshold.core.referral;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.threshold.core.registration.Household;

/**
 * Whether a referral a kiosk requested stands on the basis it claims, by the household's own record: the receiving
 * side's check of what {@link ReferralSuggester} decided at the kiosk, since a kiosk's event may be mistaken or forged.
 * On consent, each referred person's consent to the service must hold (the person's own for GBV, whatever else is
 * recorded). Without consent, only as the routing rules allow: never to a service only personal consent opens, and
 * each code shared must be one the person has that routes to the service on exactly the basis claimed, which must hold
 * for the person (best interests for a child, on the day of the request). Pure.
 */
public final class ReferralBasisCheck {

    /** Why a requested referral does not stand. Stable names: the hub records them. */
    public enum Problem {
        /** The services file does not list the service. */
        UNKNOWN_SERVICE,
        /** A referred member is not in the household. */
        UNKNOWN_MEMBER,
        /** On consent, but a referred person's consent to the service is not recorded. */
        CONSENT_REQUIRED,
        /** To a service only the person's own consent opens (GBV), which is not recorded for a referred person. */
        PERSONAL_CONSENT_REQUIRED,
        /** On best or vital interests, but a code shared does not support that basis for that person and service. */
        BASIS_NOT_SUPPORTED
    }

    private final ReferralData data;

    public ReferralBasisCheck(ReferralData data) {
        this.data = data;
    }

    /** The first reason {@code request} does not stand for {@code household}, if any. */
    public Optional<Problem> problem(ReferralRequested request, Household household) {
        Optional<Service> found = data.services().find(request.service());
        if (found.isEmpty()) {
            return Optional.of(Problem.UNKNOWN_SERVICE);
        }
        Service service = found.get();
        ReferralConsents consents = ReferralConsents.fromRegistration(household, data.services());
        List<PersonNeeds> people = HouseholdNeeds.of(household,
                LocalDate.ofInstant(request.requestedAt(), ZoneOffset.UTC)).people();
        for (ReferredPerson referred : request.people()) {
            if (referred.member() < 0 || referred.member() >= people.size()) {
                return Optional.of(Problem.UNKNOWN_MEMBER);
            }
            Optional<Problem> problem = request.basis() == LegalBasis.CONSENT
                    ? consentProblem(consents, referred.member(), service)
                    : interestsProblem(request.basis(), people.get(referred.member()), referred.needs(), service);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> consentProblem(ReferralConsents consents, int member, Service service) {
        if (consents.holds(member, service)) {
            return Optional.empty();
        }
        return Optional.of(service.personalConsentOnly() ? Problem.PERSONAL_CONSENT_REQUIRED
                : Problem.CONSENT_REQUIRED);
    }

    private Optional<Problem> interestsProblem(LegalBasis basis, PersonNeeds person, List<String> shared,
                                               Service service) {
        if (service.personalConsentOnly()) {
            return Optional.of(Problem.PERSONAL_CONSENT_REQUIRED);
        }
        boolean supported = !shared.isEmpty() && basis.holdsWithoutConsentFor(person.ageYears())
                && shared.stream().allMatch(code -> person.needs().contains(code) && data.rules().routes(code).stream()
                        .anyMatch(route -> route.service().equals(service.id())
                                && route.basisWithoutConsent().equals(Optional.of(basis))));
        return supported ? Optional.empty() : Optional.of(Problem.BASIS_NOT_SUPPORTED);
    }
}
