package org.threshold.hub.app.duplicate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Potential duplicates waiting for a supervisor, their decisions, and the merges in force. */
public interface DuplicateRepository {

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

    /** Ends the merge of {@code mergedId}; says whether one was in force. */
    boolean removeMerge(UUID mergedId);
}
