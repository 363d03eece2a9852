package org.threshold.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The hub's tables, created if missing. {@code user_version} records the schema version so a later release
 * can migrate, and an older hub refuses a database a newer one has changed.
 *
 * <p>Times are epoch milliseconds (UTC), except {@code registered_at}, kept as the kiosk wrote it (ISO-8601).
 * {@code events.position} is the order the hub stored events in; projections follow it with a cursor.
 */
public final class Schema {
    static final int VERSION = 1;

    private static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE IF NOT EXISTS events (
              position    INTEGER PRIMARY KEY AUTOINCREMENT,
              event_id    TEXT    NOT NULL UNIQUE,
              kiosk_id    TEXT    NOT NULL,
              sequence    INTEGER NOT NULL,
              hash        BLOB    NOT NULL,
              envelope    BLOB    NOT NULL,
              received_at INTEGER NOT NULL,
              UNIQUE (kiosk_id, sequence))""",
            """
            CREATE TABLE IF NOT EXISTS kiosk_heads (
              kiosk_id TEXT    PRIMARY KEY,
              sequence INTEGER NOT NULL,
              hash     BLOB    NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS households (
              household_id    TEXT    PRIMARY KEY,
              token_id        BLOB    NOT NULL UNIQUE,
              token_kiosk_id  TEXT    NOT NULL,
              token_issued_on TEXT    NOT NULL,
              kiosk_id        TEXT    NOT NULL,
              site            TEXT    NOT NULL,
              registered_at   TEXT    NOT NULL,
              household_json  TEXT    NOT NULL,
              event_id        TEXT    NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS projection_cursors (
              projection TEXT    PRIMARY KEY,
              position   INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS projection_failures (
              event_id  TEXT    PRIMARY KEY,
              reason    TEXT    NOT NULL,
              failed_at INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS users (
              username      TEXT    PRIMARY KEY,
              password_hash TEXT    NOT NULL,
              role          TEXT    NOT NULL,
              created_at    INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS sessions (
              token_hash BLOB    PRIMARY KEY,
              username   TEXT    NOT NULL REFERENCES users (username),
              expires_at INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS access_log (
              id           INTEGER PRIMARY KEY AUTOINCREMENT,
              at           INTEGER NOT NULL,
              username     TEXT    NOT NULL,
              action       TEXT    NOT NULL,
              household_id TEXT    NOT NULL)""",
            // Sync bookkeeping (issue 4): when each kiosk last called, and the gaps and forks it showed. Revocations
            // and the update feed live in admin.db (AdminDatabase), which `provision` writes while the hub runs.
            """
            CREATE TABLE IF NOT EXISTS kiosk_sync (
              kiosk_id     TEXT    PRIMARY KEY,
              last_contact INTEGER NOT NULL,
              gaps         INTEGER NOT NULL DEFAULT 0,
              forks        INTEGER NOT NULL DEFAULT 0)""",
            """
            CREATE TABLE IF NOT EXISTS sync_incidents (
              id       INTEGER PRIMARY KEY AUTOINCREMENT,
              kiosk_id TEXT    NOT NULL,
              at       INTEGER NOT NULL,
              reason   TEXT    NOT NULL,
              sequence INTEGER NOT NULL,
              detail   TEXT    NOT NULL)""");

    private Schema() {
    }

    public static void create(SqliteDatabase database) {
        database.write("Creating the hub schema", connection -> {
            try (Statement statement = connection.createStatement()) {
                int found = version(statement);
                if (found > VERSION) {
                    throw new StoreException("The hub database has schema version " + found + ", newer than this hub "
                            + "(" + VERSION + "). Run the hub release that last used it.", null);
                }
                for (String sql : STATEMENTS) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + VERSION);
            }
            return null;
        });
    }

    private static int version(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }
}
