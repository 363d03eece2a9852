package org.threshold.kiosk.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteErrorCode;

/**
 * The kiosk's SQLite file ({@code kiosk.db}): write-ahead log, {@code synchronous=FULL} so a commit is
 * on the disk before it returns, and one connection guarded by one lock. A kiosk has a single operator
 * at a time, so one connection costs nothing in throughput and rules out writer contention entirely.
 * Thread-safe.
 */
public final class KioskDatabase implements AutoCloseable {
    static final int SCHEMA_VERSION = 3;
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private KioskDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static KioskDatabase open(Path file) {
        return open(file, null);
    }

    /**
     * As {@link #open(Path)}, with SQLite's temporary files (if it ever needs one despite
     * {@code temp_store = MEMORY}) in {@code tempFolder}, inside the kiosk's data folder, never /tmp.
     *
     * @throws DatabaseDamagedException if the file is not a SQLite database or is corrupt; it is left as it was
     */
    public static KioskDatabase open(Path file, Path tempFolder) {
        try {
            OwnerOnlyFiles.createIfMissing(file);
        } catch (IOException e) {
            throw new StoreException("Could not create the kiosk database " + file + " (" + e.getMessage()
                    + "). Check that the data folder is writable and the disk is not full.", e);
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                configure(connection, tempFolder);
                KioskSchema.migrate(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return new KioskDatabase(connection);
        } catch (SQLException e) {
            if (isDamage(e)) {
                throw new DatabaseDamagedException("The kiosk database " + file + " is damaged or is not a kiosk "
                        + "database (" + e.getMessage() + "). The kiosk left it untouched and will not start on it. "
                        + "Tell your supervisor: keep the file for recovery (the events in it may not have reached the "
                        + "hub yet), and do not delete it.", e);
            }
            throw new StoreException("Could not open the kiosk database " + file + " (" + e.getMessage()
                    + "). Check that the data folder is writable and the disk is not full.", e);
        }
    }

    private static boolean isDamage(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code;
    }

    private static void configure(Connection connection, Path tempFolder) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            if (tempFolder != null) {
                // Deprecated in SQLite but still honoured; the environment (SQLITE_TMPDIR) is not ours to set.
                statement.execute("PRAGMA temp_store_directory = '"
                        + tempFolder.toAbsolutePath().toString().replace("'", "''") + "'");
            }
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

    /**
     * Copies the write-ahead log into the database file and truncates it to zero bytes, so pages
     * overwritten by {@code secure_delete} leave no older copy behind in {@code kiosk.db-wal}.
     */
    public void checkpoint() {
        read("checkpoint the write-ahead log", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                return result.next() ? result.getInt(1) : 0;
            }
        });
    }

    /** {@code PRAGMA integrity_check}: {@code ["ok"]} for a sound file, otherwise SQLite's findings (no data values). */
    public List<String> integrityCheck() {
        return read("check the database's integrity", connection -> {
            List<String> findings = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA integrity_check(20)")) {
                while (rows.next()) {
                    findings.add(rows.getString(1));
                }
            }
            return findings;
        });
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
