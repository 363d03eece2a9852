package org.threshold.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.token.TokenId;

/** {@link HouseholdReadModel} on SQLite. Thread-safe. */
public final class SqliteHouseholdReadModel implements HouseholdReadModel {
    private static final String PROJECTION = "households";
    // SQLITE_CONSTRAINT; the extended codes (UNIQUE, PRIMARY KEY...) keep it in their low byte.
    private static final int SQLITE_CONSTRAINT = 19;

    private final SqliteDatabase database;

    public SqliteHouseholdReadModel(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public long projectedUpTo() {
        return database.read("Reading the households cursor", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT position FROM projection_cursors WHERE projection = ?")) {
                select.setString(1, PROJECTION);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public void apply(List<HouseholdRecord> households, List<ProjectionFailure> failures, long upToPosition,
                      Instant now) {
        database.writeRebuildable("Projecting households", connection -> {
            for (HouseholdRecord household : households) {
                try {
                    upsert(connection, household);
                } catch (SQLException e) {
                    if ((e.getErrorCode() & 0xFF) != SQLITE_CONSTRAINT) {
                        throw e;
                    }
                    // Only the failed statement is undone; the transaction carries on with the others.
                    recordFailure(connection, new ProjectionFailure(household.eventId(),
                            "household id already projected under another token"), now);
                }
            }
            for (ProjectionFailure failure : failures) {
                recordFailure(connection, failure, now);
            }
            try (PreparedStatement cursor = connection.prepareStatement("INSERT INTO projection_cursors "
                    + "(projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = "
                    + "excluded.position")) {
                cursor.setString(1, PROJECTION);
                cursor.setLong(2, upToPosition);
                cursor.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<HouseholdRecord> findByToken(TokenId tokenId) {
        return database.read("Looking up a household by token", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT household_id, token_kiosk_id, "
                    + "token_issued_on, kiosk_id, site, registered_at, household_json, event_id FROM households "
                    + "WHERE token_id = ?")) {
                select.setBytes(1, tokenId.toBytes());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new HouseholdRecord(UUID.fromString(rows.getString(1)), tokenId,
                            rows.getString(2), LocalDate.parse(rows.getString(3)), rows.getString(4),
                            rows.getString(5), Instant.parse(rows.getString(6)), rows.getString(7),
                            UUID.fromString(rows.getString(8))));
                }
            }
        });
    }

    private static void upsert(Connection connection, HouseholdRecord household) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO households (household_id, token_id, "
                + "token_kiosk_id, token_issued_on, kiosk_id, site, registered_at, household_json, event_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token_id) DO UPDATE SET "
                + "household_id = excluded.household_id, token_kiosk_id = excluded.token_kiosk_id, "
                + "token_issued_on = excluded.token_issued_on, kiosk_id = excluded.kiosk_id, site = excluded.site, "
                + "registered_at = excluded.registered_at, household_json = excluded.household_json, "
                + "event_id = excluded.event_id")) {
            upsert.setString(1, household.householdId().toString());
            upsert.setBytes(2, household.tokenId().toBytes());
            upsert.setString(3, household.tokenKioskId());
            upsert.setString(4, household.tokenIssuedOn().toString());
            upsert.setString(5, household.kioskId());
            upsert.setString(6, household.site());
            upsert.setString(7, household.registeredAt().toString());
            upsert.setString(8, household.householdJson());
            upsert.setString(9, household.eventId().toString());
            upsert.executeUpdate();
        }
    }

    private static void recordFailure(Connection connection, ProjectionFailure failure, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO projection_failures (event_id, "
                + "reason, failed_at) VALUES (?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET reason = excluded.reason, "
                + "failed_at = excluded.failed_at")) {
            insert.setString(1, failure.eventId().toString());
            insert.setString(2, failure.reason());
            insert.setLong(3, now.toEpochMilli());
            insert.executeUpdate();
        }
    }
}
