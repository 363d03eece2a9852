package org.threshold.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.threshold.hub.app.household.SealedHousehold;

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
        return connection.prepareStatement("INSERT INTO households (household_id, token_id, token_kiosk_id, "
                + "token_issued_on, kiosk_id, site, registered_at, event_id, key_id, wrapped_key, sealed_json, "
                + "erased_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)");
    }

    /** Adds a sealed household, as the store keeps it, to the batch of {@link #households}. */
    static void addHousehold(PreparedStatement insert, SealedHousehold household) throws SQLException {
        insert.setString(1, household.householdId().toString());
        insert.setBytes(2, household.tokenId().toBytes());
        insert.setString(3, household.tokenKioskId());
        insert.setString(4, household.tokenIssuedOn().toString());
        insert.setString(5, household.kioskId());
        insert.setString(6, household.site());
        insert.setString(7, household.registeredAt().toString());
        insert.setString(8, household.eventId().toString());
        insert.setString(9, household.keyId());
        insert.setBytes(10, household.wrappedKey());
        insert.setBytes(11, household.sealedJson());
        insert.addBatch();
    }
}
