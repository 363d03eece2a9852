package org.threshold.hub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The update feed's rows: each update's JSON, for one kiosk or ({@code kioskId} null) for all. Thread-safe. */
public final class SqliteUpdateStore {
    private final SqliteDatabase database;

    public SqliteUpdateStore(SqliteDatabase database) {
        this.database = database;
    }

    public record StoredUpdate(long position, String kioskId, String json, Instant publishedAt) {
    }

    /** Appends an update; returns its position. */
    public long append(String kioskIdOrNull, String kind, String json, Instant at) {
        return database.write("Publishing an update", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO feed_updates (kiosk_id, kind, "
                    + "body, published_at) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, kioskIdOrNull);
                insert.setString(2, kind);
                insert.setString(3, json);
                insert.setLong(4, at.toEpochMilli());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Up to {@code limit} updates for {@code kioskId} (its own and everyone's) after {@code since}, in order. */
    public List<StoredUpdate> since(String kioskId, long since, int limit) {
        return database.read("Reading the update feed", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT position, kiosk_id, body, "
                    + "published_at FROM feed_updates WHERE position > ? AND (kiosk_id IS NULL OR kiosk_id = ?) "
                    + "ORDER BY position LIMIT ?")) {
                select.setLong(1, since);
                select.setString(2, kioskId);
                select.setInt(3, limit);
                List<StoredUpdate> updates = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        updates.add(new StoredUpdate(rows.getLong(1), rows.getString(2), rows.getString(3),
                                Instant.ofEpochMilli(rows.getLong(4))));
                    }
                }
                return updates;
            }
        });
    }

    /** The highest position published, 0 if none. */
    public long lastPosition() {
        return database.read("Reading the update feed's end", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COALESCE(MAX(position), 0) FROM feed_updates");
                 ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }
}
