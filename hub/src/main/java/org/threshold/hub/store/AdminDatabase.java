package org.threshold.hub.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * {@code admin.db} in the hub's data folder: the administrative records the running hub and the
 * {@code provision} command line (another process on the same host) both write: enrollment, operators, the
 * update feed and revocations. Unlike {@code hub.db}, whose
 * single writer keeps its lock, every operation here opens its own short connection and transaction, so the
 * two processes take turns (WAL, a 10-second busy timeout, {@code synchronous=FULL}). Thread-safe.
 */
public final class AdminDatabase {
    public static final String FILE = "admin.db";
    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String url;

    private AdminDatabase(String url) {
        this.url = url;
    }

    public static AdminDatabase in(Path hubDir) {
        return new AdminDatabase("jdbc:sqlite:" + hubDir.resolve(FILE).toAbsolutePath());
    }

    /** Runs {@code work} in one immediate transaction and commits it; if it throws, nothing it did is kept. */
    public <T> T write(String operation, Work<T> work) {
        try (Connection connection = connect(false)) {
            try (Statement begin = connection.createStatement()) {
                begin.execute("BEGIN IMMEDIATE");
            }
            try {
                T result = work.run(connection);
                try (Statement commit = connection.createStatement()) {
                    commit.execute("COMMIT");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                try (Statement rollback = connection.createStatement()) {
                    rollback.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // The original failure is the one worth reporting.
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(operation + " failed in " + FILE + " (" + e.getMessage() + "). Check the "
                    + "hub's data folder is writable and the disk not full.", e);
        }
    }

    public <T> T read(String operation, Work<T> work) {
        try (Connection connection = connect(true)) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(operation + " failed in " + FILE + " (" + e.getMessage() + ").", e);
        }
    }

    private Connection connect(boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        if (!readOnly) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        }
        return DriverManager.getConnection(url, config.toProperties());
    }
}
