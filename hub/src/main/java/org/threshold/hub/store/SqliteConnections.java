package org.threshold.hub.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.ConnectionFactory;
import org.sqlite.SQLiteConfig;

/**
 * The hub's SQLite file in WAL mode: one writer connection, taken by one transaction at a time, so this process's
 * writes queue in Java instead of spinning on SQLite's file lock; and a few reader connections, which WAL lets
 * read while a write is under way. Every write commits with {@code synchronous=FULL}: an acknowledged batch
 * survives a power cut. Another process (the {@code provision} command line) may write the same file between
 * our transactions; the busy timeout lets each wait for the other. Thread-safe.
 */
final class SqliteConnections implements AutoCloseable {
    private static final int READERS = 4;
    // Long enough to outlast a checkpoint or another process (provision, a backup) holding the lock.
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final long READER_MMAP_BYTES = 2L * 1024 * 1024 * 1024;

    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<Connection> readers;
    private final BlockingQueue<Connection> idleReaders;

    private SqliteConnections(Connection writer, List<Connection> readers) {
        this.writer = writer;
        this.readers = List.copyOf(readers);
        this.idleReaders = new ArrayBlockingQueue<>(readers.size(), false, readers);
    }

    static SqliteConnections open(String url) throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = DriverManager.getConnection(url, writerConfig().toProperties());
            opened.add(writer);
            try (Statement pragmas = writer.createStatement()) {
                // Checkpoints every 16 MiB of WAL instead of 4 MiB copy pages back a quarter as often, on the
                // committing (ingest) thread; after one, the WAL file is cut back so a peak does not leave it large.
                pragmas.execute("PRAGMA wal_autocheckpoint = 4096");
                pragmas.execute("PRAGMA journal_size_limit = " + 64L * 1024 * 1024);
                // What is deleted or overwritten (an erased household's wrapped key, a clear row once sealed) is
                // zeroed in the file, not left in a free page for a copy of the file to give back.
                pragmas.execute("PRAGMA secure_delete = ON");
            }
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                SQLiteConfig reading = new SQLiteConfig();
                reading.setBusyTimeout(BUSY_TIMEOUT_MS);
                reading.setReadOnly(true);
                // Readers map the file rather than copy each page they touch into their own small cache with a
                // read() call: a queue page's 50 households lie at 50 random places in the file, and mapping took
                // about a quarter off the SQLite CPU of a page over 1,000,000 households. Pages beyond the limit
                // (SQLite's own ceiling) are read as before; the writer does not map.
                reading.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(READER_MMAP_BYTES));
                Connection reader = DriverManager.getConnection(url, reading.toProperties());
                opened.add(reader);
                readers.add(reader);
            }
            return new SqliteConnections(writer, readers);
        } catch (SQLException | RuntimeException e) {
            opened.forEach(SqliteConnections::closeQuietly);
            throw e;
        }
    }

    /** The writer's settings; migrations run with them too, so the file is in WAL mode from its first byte. */
    static SQLiteConfig writerConfig() {
        SQLiteConfig writing = new SQLiteConfig();
        writing.setJournalMode(SQLiteConfig.JournalMode.WAL);
        writing.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        writing.setBusyTimeout(BUSY_TIMEOUT_MS);
        writing.enforceForeignKeys(true);
        // IMMEDIATE takes the write lock at BEGIN, so a transaction never fails half-way to upgrade it.
        writing.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // A bigger page cache keeps the events' indexes in memory through a peak.
        writing.setCacheSize(-32 * 1024);
        return writing;
    }

    /** Hands out the writer to one handle at a time; the handle's close gives it back. Not reentrant. */
    ConnectionFactory writer() {
        return new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                if (writeLock.isHeldByCurrentThread()) {
                    throw new IllegalStateException("A transaction inside a transaction would commit the outer one early");
                }
                writeLock.lock();
                return writer;
            }

            @Override
            public void closeConnection(Connection connection) {
                writeLock.unlock();
            }
        };
    }

    ConnectionFactory readers() {
        return new ConnectionFactory() {
            @Override
            public Connection openConnection() throws SQLException {
                try {
                    return idleReaders.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("Interrupted while waiting for a reader connection", e);
                }
            }

            @Override
            public void closeConnection(Connection connection) {
                idleReaders.add(connection);
            }
        };
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            readers.forEach(SqliteConnections::closeQuietly);
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
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
