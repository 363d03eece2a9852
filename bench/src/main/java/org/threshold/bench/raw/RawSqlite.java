package org.threshold.bench.raw;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain JDBC on a fresh SQLite file, with the same durability the kiosk and hub promise (WAL,
 * synchronous=FULL: every commit is fsynced) and nothing of Threshold's: the floor our stores are
 * compared against.
 */
public final class RawSqlite {
    private RawSqlite() {
    }

    /** Opens {@code file} (which must not exist), runs {@code schema}, and leaves autocommit off. */
    public static Connection create(Path file, String... schema) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                    throw new SQLException("no WAL on this file system; the comparison would be unfair");
                }
            }
            statement.execute("PRAGMA synchronous = FULL");
            for (String sql : schema) {
                statement.execute(sql);
            }
        }
        connection.setAutoCommit(false);
        return connection;
    }
}
