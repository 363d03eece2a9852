package org.threshold.hub.app.duplicate;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.threshold.core.search.DuplicateRule;

/**
 * Two households the duplicate rule scored alike, and what a supervisor decided. {@code householdA} sorts before
 * {@code householdB} (by their ids as text), so each pair has one form. Nothing in it names anyone.
 *
 * @param decidedAt when it left {@link DuplicateStatus#OPEN} the last time, or null; {@code decidedBy} who did it
 */
public record DuplicatePair(UUID pairId, UUID householdA, UUID householdB, int score,
                            Set<DuplicateRule.Reason> reasons, DuplicateStatus status, Instant foundAt,
                            Instant decidedAt, String decidedBy) {
    public DuplicatePair {
        Objects.requireNonNull(pairId, "pairId");
        if (householdA.toString().compareTo(householdB.toString()) >= 0) {
            throw new IllegalArgumentException("A pair names two households, the lesser id first");
        }
        reasons = Set.copyOf(reasons);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(foundAt, "foundAt");
    }

    /** A new OPEN pair of {@code one} and {@code other}, in either order. */
    public static DuplicatePair found(UUID one, UUID other, DuplicateRule.Match match, Instant at) {
        boolean inOrder = one.toString().compareTo(other.toString()) < 0;
        return new DuplicatePair(UUID.randomUUID(), inOrder ? one : other, inOrder ? other : one, match.score(),
                match.reasons(), DuplicateStatus.OPEN, at, null, null);
    }

    /** Whether {@code household} is one of the two. */
    public boolean names(UUID household) {
        return householdA.equals(household) || householdB.equals(household);
    }

    /** The other household of the pair. */
    public UUID other(UUID household) {
        return householdA.equals(household) ? householdB : householdA;
    }
}
