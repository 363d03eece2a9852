package org.threshold.core.referral;

import java.util.List;
import java.util.Objects;

/**
 * Needs that point to a service but have no legal basis yet: what the kiosk's consent step asks about. Nothing of
 * these people goes to the service until the consent named by {@code missing} is recorded.
 */
public record WithheldReferral(String service, Missing missing, List<ReferredPerson> people) {

    /** Which consent would allow the referral. */
    public enum Missing {
        /** The household's (or the person's) consent to this purpose. */
        CONSENT,
        /** The person's own consent: nothing else allows it (a GBV survivor's consent). */
        PERSONAL_CONSENT
    }

    public WithheldReferral {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(missing, "missing");
        people = List.copyOf(people);
    }
}
