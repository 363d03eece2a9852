package org.threshold.hub.app.household;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.token.TokenId;

/**
 * Households projected from registration events and changed by later events, sealed ({@link HouseholdVault}) and
 * keyed by token, with their blind-index terms; and the events the projection skipped. The store sees no personal
 * data in clear.
 */
public interface HouseholdRepository {

    /**
     * Stores each household that is new and skips one its own event already stored (projecting again changes
     * nothing). Returns, as failures, those it did not store because their household id or token is held from
     * another event. A refused one never undoes the others.
     */
    List<ProjectionFailure> insertNew(List<SealedHousehold> households);

    void recordFailures(List<ProjectionFailure> failures, Instant at);

    Optional<SealedHousehold> findByToken(TokenId tokenId);

    Optional<SealedHousehold> findById(UUID householdId);

    /**
     * The stored households of these ids, by id, in one read: duplicate detection asks for every candidate of a
     * projection chunk at once, and one round trip each would cost more than the chunk. Ids the store does not hold
     * are left out.
     */
    Map<UUID, SealedHousehold> findByIds(Collection<UUID> householdIds);

    /**
     * Replaces the stored household's token and sealed data with {@code household}'s, by household id; what
     * registered it (kiosk, site, time, event) stays. The caller makes sure no other household holds the token. Says
     * whether the household was there (and not erased).
     */
    boolean replace(SealedHousehold household);

    /** Replaces each household's blind-index terms with these, by household id. */
    void index(Map<UUID, List<byte[]>> termsByHousehold);

    /**
     * The households (not erased) that have, for every group of terms, at least one of its terms: a search's words
     * (each word's spellings) and birth terms. At most {@code limit}, in no particular order.
     */
    List<UUID> findByTerms(List<List<byte[]>> groups, int limit);

    /**
     * For each of {@code terms}, in order, the households indexed under it: at most {@code limit} each, in no
     * particular order. One read for many terms, where {@link #findByTerms} would take one per term.
     */
    List<List<UUID>> holdingEach(List<byte[]> terms, int limit);

    /**
     * Crypto-shreds the household: its wrapped key, sealed data and terms are destroyed, and the row says when. Says
     * whether it was there and not yet erased.
     */
    boolean erase(UUID householdId, Instant at);

    long count();

    /**
     * Up to {@code limit} households (not erased) with no activity since {@code since}: registered before it, with no
     * change in their history and no referral changed since. What the retention job erases.
     */
    List<UUID> inactiveSince(Instant since, int limit);

    /** Whether any household is sealed under a data key other than {@code keyId}. */
    boolean sealedUnderOtherKey(String keyId);

    /**
     * Up to {@code limit} households a release before sealing at rest stored in clear (the {@code households_unsealed}
     * table V10 left), for {@code HouseholdSealingUpgrade} to seal.
     */
    List<HouseholdRecord> unsealed(int limit);

    /** Deletes these households' clear rows, once they are stored sealed. */
    void dropUnsealed(List<UUID> householdIds);

    /** How many events the projection skipped. */
    long failureCount();

    /** Forgets the event's failure: it was applied after all (a change held while its household was restricted). */
    void clearFailure(UUID eventId);
}
