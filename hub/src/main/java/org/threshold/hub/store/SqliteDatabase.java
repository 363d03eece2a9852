package org.threshold.hub.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The hub's SQLite file in WAL mode: one writer connection, used by one thread at a time, so writes are
 * serialised in the process and never fight over SQLite's lock; and a few reader connections, which WAL
 * lets read while a write is under way. Every write commits with {@code synchronous=FULL}: an acknowledged
 * batch survives a power cut. Thread-safe.
 */
public final class SqliteDatabase implements AutoCloseable {
    private static final int READERS = 4;
    // Long enough to outlast a checkpoint or another process (a backup, the sqlite3 shell) holding the lock.
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<Connection> readers;
    private final BlockingQueue<Connection> idleReaders;

    private SqliteDatabase(Connection writer, List<Connection> readers) {
        this.writer = writer;
        this.readers = List.copyOf(readers);
        this.idleReaders = new ArrayBlockingQueue<>(readers.size(), false, readers);
    }

    public static SqliteDatabase open(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        List<Connection> opened = new ArrayList<>();
        try {
            SQLiteConfig writing = new SQLiteConfig();
            writing.setJournalMode(SQLiteConfig.JournalMode.WAL);
            writing.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            writing.setBusyTimeout(BUSY_TIMEOUT_MS);
            writing.enforceForeignKeys(true);
            // IMMEDIATE takes the write lock at BEGIN, so a transaction never fails half-way to upgrade it.
            writing.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // A bigger page cache keeps the events' indexes in memory through a peak; checkpoints every 16 MiB
            // of WAL instead of 4 MiB copy pages back a quarter as often, on the committing (ingest) thread.
            writing.setCacheSize(-32 * 1024);
            Connection writer = DriverManager.getConnection(url, writing.toProperties());
            opened.add(writer);
            try (Statement pragmas = writer.createStatement()) {
                pragmas.execute("PRAGMA wal_autocheckpoint = 4096");
                // After a checkpoint the WAL file is cut back, so a peak does not leave it large for good.
                pragmas.execute("PRAGMA journal_size_limit = " + 64L * 1024 * 1024);
            }
            writer.setAutoCommit(false);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                SQLiteConfig reading = new SQLiteConfig();
                reading.setBusyTimeout(BUSY_TIMEOUT_MS);
                reading.setReadOnly(true);
                Connection reader = DriverManager.getConnection(url, reading.toProperties());
                opened.add(reader);
                readers.add(reader);
            }
            return new SqliteDatabase(writer, readers);
        } catch (SQLException e) {
            opened.forEach(SqliteDatabase::closeQuietly);
            throw new StoreException("Could not open the hub database " + file.toAbsolutePath() + " ("
                    + e.getMessage() + "). Check that the data folder is writable and the disk is not full.", e);
        }
    }

    /**
     * Runs {@code work} in one transaction on the writer connection, after any write in progress, and
     * commits it; if {@code work} throws, nothing it did is kept. Not reentrant.
     */
    <T> T write(String operation, SqlWork<T> work) {
        return write(operation, true, work);
    }

    private <T> T write(String operation, boolean durable, SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("A write inside a write would commit the outer one early");
        }
        writeLock.lock();
        try {
            if (!durable) {
                synchronous(SQLiteConfig.SynchronousMode.NORMAL);
            }
            T result = work.run(writer);
            writer.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new StoreException(operation + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        } finally {
            try {
                if (!durable) {
                    synchronous(SQLiteConfig.SynchronousMode.FULL);
                }
            } catch (SQLException e) {
                // Every later commit would be less durable than promised: stop writing rather than carry on.
                throw new StoreException("Could not restore synchronous=FULL: " + e.getMessage(), e);
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** SQLite refuses to change it inside a transaction, and the driver keeps one open between commits. */
    private void synchronous(SQLiteConfig.SynchronousMode mode) throws SQLException {
        writer.setAutoCommit(true);
        try (Statement pragma = writer.createStatement()) {
            pragma.execute("PRAGMA synchronous = " + mode.name());
        } finally {
            writer.setAutoCommit(false);
        }
    }

    /**
     * As {@link #write}, for data rebuilt from the events (the projections): committed without waiting for the
     * disk ({@code synchronous=NORMAL}). In WAL mode the file stays consistent, but a power cut may lose the last
     * such commits, which the projection then redoes from its cursor; the next {@code FULL} commit makes them
     * durable anyway. That saves an fsync per chunk, which on a slow disk ingest would otherwise wait behind.
     */
    <T> T writeRebuildable(String operation, SqlWork<T> work) {
        return write(operation, false, work);
    }

    /** Runs {@code work} on a reader connection in autocommit mode: each statement sees committed data. */
    <T> T read(String operation, SqlWork<T> work) {
        Connection reader;
        try {
            reader = idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(operation + " was interrupted", e);
        }
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw new StoreException(operation + " failed: " + e.getMessage(), e);
        } finally {
            idleReaders.add(reader);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            readers.forEach(SqliteDatabase::closeQuietly);
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // The transaction is gone either way; the original failure is the one worth reporting.
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing at shutdown: nothing left to do about it.
        }
    }
}
