package org.threshold.core.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A referral the rules suggest and whose legal basis holds: to which service, how urgently and by when, on what
 * basis, and which people with which of their codes (only those relevant to the service).
 */
public record SuggestedReferral(String service, Urgency urgency, Instant dueAt, LegalBasis basis,
                               List<ReferredPerson> people) {

    public SuggestedReferral {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(basis, "basis");
        if (people.isEmpty()) {
            throw new IllegalArgumentException("A referral names at least one person");
        }
        people = List.copyOf(people);
    }
}
