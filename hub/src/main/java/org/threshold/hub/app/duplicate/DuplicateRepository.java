package org.threshold.hub.app.duplicate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Potential duplicates waiting for a supervisor, their decisions, and the merges in force. */
public interface DuplicateRepository {
    /** More merges in a row than any real chain of registrations of one household. */
    int MAX_HOPS = 64;

    /** Stores {@code pair} unless its two households already form one (in any status); says whether it did. */
    boolean addIfNew(DuplicatePair pair);

    Optional<DuplicatePair> find(UUID pairId);

    /** Up to {@code limit} pairs in {@code status}, oldest found first. */
    List<DuplicatePair> list(DuplicateStatus status, int limit);

    /**
     * Moves the pair from {@code from} to {@code to}, by {@code by} at {@code at}; says whether it was in {@code from}
     * (nothing changes otherwise). Back to OPEN, it forgets who decided.
     */
    boolean decide(UUID pairId, DuplicateStatus from, DuplicateStatus to, Instant at, String by);

    void recordMerge(HouseholdMerge merge);

    /** The merge in force that merged {@code householdId} into another, if any. */
    Optional<HouseholdMerge> mergeOf(UUID householdId);

    /** The merge in force that a pair's decision made, if any. */
    Optional<HouseholdMerge> mergeByPair(UUID pairId);

    /**
     * The household {@code householdId}'s records now live under: itself, or the survivor its merge led to, followed
     * through merges of survivors. Merges never form a loop (a merged household is neither merged again nor a
     * survivor), so the walk ends; it is bounded all the same.
     */
    default UUID survivorOf(UUID householdId) {
        UUID current = householdId;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<HouseholdMerge> merge = mergeOf(current);
            if (merge.isEmpty()) {
                return current;
            }
            current = merge.get().survivorId();
        }
        throw new IllegalStateException("Household " + householdId + " is merged more than " + MAX_HOPS + " deep");
    }

    /** Ends the merge of {@code mergedId}; says whether one was in force. */
    boolean removeMerge(UUID mergedId);
}
