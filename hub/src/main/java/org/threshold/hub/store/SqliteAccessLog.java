package org.threshold.hub.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;

/** {@link AccessLog} on SQLite: rows are only ever inserted. Thread-safe. */
public final class SqliteAccessLog implements AccessLog {
    private final SqliteDatabase database;

    public SqliteAccessLog(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public void record(Instant at, String username, String action, UUID householdId) {
        database.write("Writing the access log", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO access_log (at, username, action, household_id) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, at.toEpochMilli());
                insert.setString(2, username);
                insert.setString(3, action);
                insert.setString(4, householdId.toString());
                insert.executeUpdate();
            }
            return null;
        });
    }
}
