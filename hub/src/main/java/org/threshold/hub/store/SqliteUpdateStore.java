package org.threshold.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The update feed's rows (each update's JSON, for one kiosk or, {@code kioskId} null, for all) and the revoked
 * kiosks, in {@link AdminDatabase} so that {@code provision} can publish and revoke while the hub runs. The one
 * record of which kiosks are revoked. Writes take the caller's transaction, so a change and the update that
 * announces it are kept together or not at all. Thread-safe.
 */
public final class SqliteUpdateStore {
    private static final List<String> TABLES = List.of(
            """
            CREATE TABLE IF NOT EXISTS feed_updates (
              position     INTEGER PRIMARY KEY AUTOINCREMENT,
              kiosk_id     TEXT,
              kind         TEXT    NOT NULL,
              body         TEXT    NOT NULL,
              published_at INTEGER NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS feed_updates_kiosk ON feed_updates (kiosk_id, position)",
            """
            CREATE TABLE IF NOT EXISTS revoked_kiosks (
              kiosk_id   TEXT    PRIMARY KEY,
              revoked_at INTEGER NOT NULL,
              wipe       INTEGER NOT NULL,
              reason     TEXT    NOT NULL)""");

    private final AdminDatabase database;

    private SqliteUpdateStore(AdminDatabase database) {
        this.database = database;
    }

    /** The store in {@code database}, its tables created if missing. */
    public static SqliteUpdateStore open(AdminDatabase database) {
        database.write("Creating the update feed's tables", connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : TABLES) {
                    statement.execute(sql);
                }
            }
            return null;
        });
        return new SqliteUpdateStore(database);
    }

    public record StoredUpdate(long position, String kioskId, String json, Instant publishedAt) {
    }

    public record Revocation(String kioskId, Instant revokedAt, boolean wipe, String reason) {
    }

    public AdminDatabase database() {
        return database;
    }

    /** Appends an update inside the caller's transaction; returns its position. */
    public long append(Connection connection, String kioskIdOrNull, String kind, String json, Instant at)
            throws SQLException {
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
    }

    /** Records a revocation inside the caller's transaction; revoking again keeps the first time and reason. */
    public void revoke(Connection connection, String kioskId, boolean wipe, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO revoked_kiosks (kiosk_id, "
                + "revoked_at, wipe, reason) VALUES (?, ?, ?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET wipe = "
                + "max(wipe, excluded.wipe)")) {
            insert.setString(1, kioskId);
            insert.setLong(2, at.toEpochMilli());
            insert.setBoolean(3, wipe);
            insert.setString(4, reason);
            insert.executeUpdate();
        }
    }

    public Optional<Revocation> revocation(String kioskId) {
        return database.read("Reading a kiosk's revocation", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT revoked_at, wipe, reason FROM revoked_kiosks WHERE kiosk_id = ?")) {
                select.setString(1, kioskId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new Revocation(kioskId, Instant.ofEpochMilli(rows.getLong(1)),
                            rows.getBoolean(2), rows.getString(3))) : Optional.empty();
                }
            }
        });
    }

    public Set<String> revokedKiosks() {
        return database.read("Listing revoked kiosks", connection -> {
            Set<String> ids = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT kiosk_id FROM revoked_kiosks");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
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
