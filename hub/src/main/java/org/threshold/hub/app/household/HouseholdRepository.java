package org.threshold.hub.app.household;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.token.TokenId;

/**
 * Households projected from registration events and changed by later events, keyed by token; and the events the
 * projection skipped.
 */
public interface HouseholdRepository {

    /**
     * Stores each household that is new and skips one its own event already stored (projecting again changes
     * nothing). Returns, as failures, those it did not store because their household id or token is held from
     * another event. A refused one never undoes the others.
     */
    List<ProjectionFailure> insertNew(List<HouseholdRecord> households);

    void recordFailures(List<ProjectionFailure> failures, Instant at);

    Optional<HouseholdRecord> findByToken(TokenId tokenId);

    Optional<HouseholdRecord> findById(UUID householdId);

    /**
     * Replaces the stored household's token and JSON with {@code household}'s, by household id; what registered it
     * (kiosk, site, time, event) stays. The caller makes sure no other household holds the token. Says whether the
     * household was there.
     */
    boolean replace(HouseholdRecord household);

    long count();

    /** How many events the projection skipped. */
    long failureCount();
}
