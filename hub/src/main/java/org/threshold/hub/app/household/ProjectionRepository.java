package org.threshold.hub.app.household;

/** The projector's turn and each projection's cursor over the events' projection sequence. */
public interface ProjectionRepository {

    /**
     * Takes the projector's turn for the rest of this transaction, if no other hub instance has it (PostgreSQL: a
     * transaction-scoped advisory lock; SQLite has one writer at a time anyway). Says whether it did.
     */
    boolean tryTakeTurn();

    /**
     * Takes the projector's turn for the rest of this transaction, waiting for the instance that has it. For a change
     * outside the projector that must not interleave with a chunk (lifting a restriction applies the changes a chunk
     * held). Take it before the hub chain's lock: the projector takes that lock inside its turn.
     */
    void takeTurn();

    /** The projection sequence {@code projection} reflects: every event up to it is projected or recorded failed. */
    long cursor(String projection);

    /** Moves the cursor from {@code from} to {@code to}; false, changing nothing, if it is no longer at {@code from}. */
    boolean advance(String projection, long from, long to);
}
