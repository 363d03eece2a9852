package org.threshold.hub.app.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@link AccessLogVerifier} found walking the access log's chain.
 *
 * @param checked    chained records verified before the first break (all of them when intact)
 * @param unchained  records without a place in the chain (written before it began)
 * @param firstBreak where the chain first breaks, or empty when it is intact
 */
public record ChainState(Instant checkedAt, long checked, long unchained, Optional<Break> firstBreak) {

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /** How a chain can break. */
    public enum Problem {
        /** No record holds this seq: one was removed. */
        MISSING,
        /** The record at this seq does not hash to what it holds: it, or its hash, was edited. */
        ALTERED,
        /** The head does not match the last record: records after it were removed, or the head was edited. */
        HEAD_MISMATCH,
        /** A record without a place in the chain was inserted after the chain began. */
        UNCHAINED
    }

    /** @param seq the first chain position that does not verify (for UNCHAINED, the head's) */
    public record Break(long seq, Problem problem) {
    }
}
