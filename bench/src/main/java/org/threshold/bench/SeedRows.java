package org.threshold.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.store.HouseholdRows;

/** Seeding a hub's store straight by JDBC, for harnesses that need a million households before they measure. */
final class SeedRows {
    private SeedRows() {
    }

    /**
     * A connection for seeding only, one transaction at a time and not durable commit by commit (nothing is measured
     * until seeding is done and the hub opens the store anew): on PostgreSQL each batch sent as a few multi-row
     * inserts; on SQLite a page cache that holds the indexes, as each insert lands at a random place in them.
     */
    static Connection connection(String url, char[] password) throws SQLException {
        Properties properties = new Properties();
        if (password != null) {
            properties.setProperty("password", new String(password));
        }
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (postgres) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        Connection connection = DriverManager.getConnection(url, properties);
        try (Statement settings = connection.createStatement()) {
            if (postgres) {
                settings.execute("SET synchronous_commit = off");
            } else {
                settings.execute("PRAGMA busy_timeout = 10000");
                settings.execute("PRAGMA synchronous = OFF");
                settings.execute("PRAGMA cache_size = -262144");
            }
        }
        connection.setAutoCommit(false);
        return connection;
    }

    /** The insert {@link #addHousehold} fills. */
    static PreparedStatement households(Connection connection) throws SQLException {
        return connection.prepareStatement(HouseholdRows.INSERT);
    }

    /** Adds a sealed household, as the store keeps it, to the batch of {@link #households}. */
    static void addHousehold(PreparedStatement insert, SealedHousehold household) throws SQLException {
        HouseholdRows.add(insert, household);
    }
}
