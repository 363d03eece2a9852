package org.threshold.kiosk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The kiosk's SQLite file ({@code kiosk.db}): write-ahead log, {@code synchronous=FULL} so a commit is
 * on the disk before it returns, and one connection guarded by one lock. A kiosk has a single operator
 * at a time, so one connection costs nothing in throughput and rules out writer contention entirely.
 * Thread-safe.
 */
public final class KioskDatabase implements AutoCloseable {
    static final int SCHEMA_VERSION = 1;
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private KioskDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static KioskDatabase open(Path file) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                configure(connection);
                KioskSchema.migrate(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return new KioskDatabase(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not open the kiosk database " + file + " (" + e.getMessage()
                    + "). Check that the data folder is writable and the disk is not full.", e);
        }
    }

    private static void configure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                    throw new SQLException("the file system does not support SQLite's write-ahead log");
                }
            }
            statement.execute("PRAGMA synchronous = FULL");
            statement.execute("PRAGMA foreign_keys = ON");
            // Freed pages are zeroed, and temporary tables never touch the disk.
            statement.execute("PRAGMA secure_delete = ON");
            statement.execute("PRAGMA temp_store = MEMORY");
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction, committed before this returns; rolled back if it throws. */
    <T> T transaction(String what, SqlWork<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + " (" + e.getMessage() + ")", e);
        } finally {
            lock.unlock();
        }
    }

    <T> T read(String what, SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + " (" + e.getMessage() + ")", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Could not close the kiosk database (" + e.getMessage() + ")", e);
        } finally {
            lock.unlock();
        }
    }
}
