package org.threshold.hub.app.household;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.threshold.core.token.TokenId;

/** Households projected from registration events, keyed by token; and the events the projection skipped. */
public interface HouseholdRepository {

    /**
     * Stores each household that is new and skips one its own event already stored (projecting again changes
     * nothing). Returns, as failures, those it did not store because their household id or token is held from
     * another event. A refused one never undoes the others.
     */
    List<ProjectionFailure> insertNew(List<HouseholdRecord> households);

    void recordFailures(List<ProjectionFailure> failures, Instant at);

    Optional<HouseholdRecord> findByToken(TokenId tokenId);

    long count();

    /** How many events the projection skipped. */
    long failureCount();
}
