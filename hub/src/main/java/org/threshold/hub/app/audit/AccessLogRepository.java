package org.threshold.hub.app.audit;

import java.util.List;
import java.util.Optional;
import org.threshold.core.event.ChainPosition;

/**
 * The append-only record of every read of personal data, and every attempt: who, when, what kind of read, how it
 * ended, which household if one was shown. It holds no personal data itself: no name, no token code. Records are
 * hash-chained ({@link AccessLogChain}); the ones written before the chain began (schema version 9) are not.
 */
public interface AccessLogRepository {
    /** Appends the records to the chain, in their order, in the caller's transaction. */
    default void recordAll(List<AccessRecord> records) {
        AccessLogChain.append(this, records);
    }

    /**
     * The chain's head, created at {@link ChainPosition#GENESIS} if missing, locked until the transaction ends: a
     * second writer (another hub instance) waits here, then reads the head the first one left.
     */
    ChainPosition lockHead();

    /** The head as committed, without locking it; empty before the first chained record. */
    Optional<ChainPosition> head();

    /** Inserts records already chained by {@link AccessLogChain}, in one statement batch. */
    void insertChained(List<ChainedRecord> records);

    /** Moves the locked head to the last record inserted. */
    void moveHead(ChainPosition head);

    /** Chained records with {@code afterSeq < seq <= uptoSeq}, by seq, at most {@code limit}. */
    List<ChainedRecord> chain(long afterSeq, long uptoSeq, int limit);

    /** The highest seq any record holds, 0 when none is chained. */
    long maxSeq();

    /** Records without a place in the chain: written before it began, or slipped in since ({@link #unchainedLate}). */
    long unchained();

    /** Unchained records inserted after the first chained one: nothing the hub writes, so a sign of tampering. */
    long unchainedLate();

    /** The records {@code query} selects, newest first. */
    List<AccessLogEntry> search(AccessQuery query);

    long count();

    /** The last {@code limit} records, newest first. */
    List<AccessRecord> latest(int limit);
}
