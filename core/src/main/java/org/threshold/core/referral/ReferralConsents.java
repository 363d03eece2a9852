package org.threshold.core.referral;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Relationship;

/**
 * The referral consents recorded for a household, per purpose (a purpose is a service id). A household consent is
 * given by its focal point (or a child's guardian) for the household; a personal consent by the member
 * themselves. A personal-consent-only service (GBV) counts only the referred person's own consent. Immutable.
 */
public final class ReferralConsents {

    private static final ReferralConsents NONE = new ReferralConsents(Set.of(), Map.of());

    private final Set<String> household;
    private final Map<Integer, Set<String>> personal;

    private ReferralConsents(Set<String> household, Map<Integer, Set<String>> personal) {
        this.household = household;
        this.personal = personal;
    }

    public static ReferralConsents none() {
        return NONE;
    }

    /** Consent given for the household to be referred to these services. */
    public static ReferralConsents ofHousehold(Collection<String> services) {
        return new ReferralConsents(Set.copyOf(services), Map.of());
    }

    /** These consents, plus a member's own consent to be referred to these services. */
    public ReferralConsents withPersonal(int member, Collection<String> services) {
        Map<Integer, Set<String>> more = new HashMap<>(personal);
        Set<String> purposes = new HashSet<>(personal.getOrDefault(member, Set.of()));
        purposes.addAll(services);
        more.put(member, Set.copyOf(purposes));
        return new ReferralConsents(household, Map.copyOf(more));
    }

    /**
     * The consent a registration records today: one yes or no to referral, given by the focal point. A yes is the
     * household's consent to every service and the focal point's own consent, so a GBV referral can follow for the
     * focal point only, or for a child whose guardian consented and who assented (a child's own consent is both);
     * any other survivor needs their own consent recorded. A child not asked has not consented.
     */
    public static ReferralConsents fromRegistration(Household registered, ServiceDirectory services) {
        if (!registered.consent().referral()) {
            return NONE;
        }
        Set<String> all = services.all().stream().map(Service::id).collect(Collectors.toUnmodifiableSet());
        int focalPoint = IntStream.range(0, registered.members().size())
                .filter(index -> registered.members().get(index).relationship() == Relationship.FOCAL_POINT)
                .findFirst().orElseThrow();
        ReferralConsents consents = ofHousehold(all).withPersonal(focalPoint, all);
        for (Consent.ChildConsent child : registered.consent().children()) {
            if (child.guardianConsent() && child.childAssent() == Consent.Assent.GIVEN) {
                consents = consents.withPersonal(child.member(), all);
            }
        }
        return consents;
    }

    /** Whether consent holds for referring this member to this service. */
    public boolean holds(int member, Service service) {
        boolean own = personal.getOrDefault(member, Set.of()).contains(service.id());
        return own || (!service.personalConsentOnly() && household.contains(service.id()));
    }
}
