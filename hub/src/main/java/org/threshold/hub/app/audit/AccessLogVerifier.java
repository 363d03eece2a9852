package org.threshold.hub.app.audit;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.threshold.core.event.ChainPosition;
import org.threshold.hub.app.HubStore;

/**
 * Walks the access log's hash chain from its first record to the head, recomputing every link, and reports the first
 * break ({@link ChainState}). Reads a page at a time on reader connections, so it never holds the writer; records
 * appended while it walks are left for the next walk. Thread-safe.
 */
public final class AccessLogVerifier {
    // Records per read: a few hundred kilobytes at a time.
    private static final int PAGE = 2_000;

    private final HubStore store;
    private final Clock clock;

    public AccessLogVerifier(HubStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ChainState verify() {
        // In this order: every commit moves the head with its records, so a head behind a seq read before it is
        // a head that was edited or removed, never a race with a writer.
        long maxSeq = store.read(repositories -> repositories.accessLog().maxSeq());
        ChainPosition head = store.read(repositories -> repositories.accessLog().head()).orElse(ChainPosition.GENESIS);
        long unchained = store.read(repositories -> repositories.accessLog().unchained());
        long unchainedLate = store.read(repositories -> repositories.accessLog().unchainedLate());
        if (head.sequence() < maxSeq) {
            return broken(head.sequence(), unchained, head.sequence() + 1, ChainState.Problem.HEAD_MISMATCH);
        }
        byte[] hash = ChainPosition.GENESIS.hash();
        long expected = 1;
        while (expected <= head.sequence()) {
            long after = expected - 1;
            List<ChainedRecord> page = store.read(repositories -> repositories.accessLog().chain(after,
                    head.sequence(), PAGE));
            if (page.isEmpty()) {
                return broken(expected - 1, unchained, expected, ChainState.Problem.MISSING);
            }
            for (ChainedRecord record : page) {
                if (record.seq() != expected) {
                    return broken(expected - 1, unchained, expected, ChainState.Problem.MISSING);
                }
                hash = AccessLogChain.link(hash, record.seq(), record.record());
                if (!Arrays.equals(hash, record.hash())) {
                    return broken(expected - 1, unchained, expected, ChainState.Problem.ALTERED);
                }
                expected++;
            }
        }
        if (!Arrays.equals(hash, head.hash())) {
            return broken(head.sequence(), unchained, head.sequence(), ChainState.Problem.HEAD_MISMATCH);
        }
        if (unchainedLate > 0) {
            return broken(head.sequence(), unchained, head.sequence(), ChainState.Problem.UNCHAINED);
        }
        return new ChainState(clock.instant(), head.sequence(), unchained, Optional.empty());
    }

    private ChainState broken(long checked, long unchained, long seq, ChainState.Problem problem) {
        return new ChainState(clock.instant(), checked, unchained, Optional.of(new ChainState.Break(seq, problem)));
    }
}
