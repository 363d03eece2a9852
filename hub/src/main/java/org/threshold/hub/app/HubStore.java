package org.threshold.hub.app;

import java.util.function.Function;

/**
 * Everything the hub knows, behind one transaction boundary. A use case does its reads and writes inside
 * {@link #inTransaction}: all of it is committed, or, if the work throws, none of it. Several hub instances may
 * share one store (PostgreSQL); whatever must be serialised between them is serialised by the database, through
 * the repositories (a kiosk's chain head is locked, the projector's turn is a database lock). Thread-safe.
 */
public interface HubStore extends AutoCloseable {

    /** Runs {@code work} in one read-write transaction and commits it. Not reentrant: never nest it. */
    <T> T inTransaction(Function<Repositories, T> work);

    /**
     * Runs {@code work} with the repositories for reading only: it may run beside a write in progress (on SQLite, on
     * a reader connection) and must not write.
     */
    <T> T read(Function<Repositories, T> work);

    /** How many rows each of the hub's tables holds, by table: what a move to another database must keep. */
    java.util.Map<String, Long> rowCounts();

    /**
     * Copies every row into {@code target}, a store of the same schema version with no rows, in one transaction of
     * the target's: all of it or, if anything fails, nothing. Only {@code StoreMove} calls it, and checks the result.
     */
    void copyInto(HubStore target);

    /**
     * Whether the database answers a trivial query now, on a connection readers use: for the health check a load
     * balancer polls. Never throws.
     */
    boolean answers();

    /**
     * Writes a consistent copy of the whole store to {@code file} (owner-only) while the hub may go on writing: SQLite's
     * {@code VACUUM INTO}, or {@code pg_dump} in the snapshot the returned contents were read in.
     *
     * @throws StoreException saying what to do (pg_dump missing or older than the server, disk full)
     */
    StoreContents dumpTo(java.nio.file.Path file);

    /** Rows per table and every kiosk's chain head, read in one snapshot. */
    StoreContents contents();

    /**
     * Leaves in the database's files as little as the engine allows of what was deleted or overwritten (after an
     * erasure): SQLite zeroes freed space as it goes ({@code secure_delete}) and this empties its write-ahead log;
     * PostgreSQL vacuums the tables that held the household or a glass-break reason. Best effort: never throws for a
     * busy database.
     */
    void purgeDeleted();

    /** What the store is, for the hub's status: the database product and the schema version it is at. */
    StoreInfo info();

    @Override
    void close();

    /** @param dialect {@code sqlite} or {@code postgresql}; @param schemaVersion the last migration applied */
    record StoreInfo(String dialect, String schemaVersion, String location) {
    }
}
