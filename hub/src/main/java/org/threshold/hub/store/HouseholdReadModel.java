package org.threshold.hub.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.threshold.core.token.TokenId;

/** Households projected from registration events, keyed by token, with the projection's cursor. */
public interface HouseholdReadModel {

    /** The event position the read model reflects: every event up to it is projected or recorded as failed. */
    long projectedUpTo();

    /**
     * In one transaction: upserts {@code households} by token, records {@code failures}, and moves the
     * cursor to {@code upToPosition}. A household that cannot be stored (its id already belongs to another
     * token) is recorded as a failure instead, so it never blocks the rest.
     */
    void apply(List<HouseholdRecord> households, List<ProjectionFailure> failures, long upToPosition, Instant now);

    Optional<HouseholdRecord> findByToken(TokenId tokenId);
}
