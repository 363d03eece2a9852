package org.threshold.kiosk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables, versioned with {@code PRAGMA user_version} so later issues can migrate a kiosk in the
 * field without losing what it holds. Names of people never appear in clear in any column:
 * envelopes are sealed to the hub, local copies encrypted under the local data key.
 */
final class KioskSchema {
    private static final String[] VERSION_1 = {
        """
        CREATE TABLE events (
            sequence INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            hash BLOB NOT NULL,
            envelope BLOB NOT NULL,
            synced INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX events_unsynced ON events (sequence) WHERE synced = 0",
        """
        CREATE TABLE tokens (
            code TEXT PRIMARY KEY,
            household_id TEXT NOT NULL UNIQUE,
            sequence INTEGER NOT NULL UNIQUE REFERENCES events (sequence),
            qr TEXT NOT NULL,
            issued_on TEXT NOT NULL,
            card_path TEXT,
            printed INTEGER NOT NULL DEFAULT 0)""",
        """
        CREATE TABLE local_households (
            household_id TEXT PRIMARY KEY REFERENCES tokens (household_id),
            token_code TEXT NOT NULL UNIQUE REFERENCES tokens (code),
            payload BLOB NOT NULL)""",
        """
        CREATE TABLE operator_keys (
            operator TEXT PRIMARY KEY,
            derivation TEXT NOT NULL,
            wrapped_key BLOB NOT NULL,
            created_at TEXT NOT NULL)""",
        """
        CREATE TABLE sync_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            acked_sequence INTEGER NOT NULL DEFAULT 0,
            last_sync_at TEXT,
            last_sync_error TEXT)""",
        "INSERT INTO sync_state (id) VALUES (1)",
    };

    /**
     * Version 2 (issue 3): the blind name index, crypto-shredding and key destruction.
     * {@code name_index} holds keyed HMACs of normalised name tokens, never a name; {@code acked_at} is
     * when the kiosk first saw an event acknowledged (epoch ms, by its own clock), from which the retention window
     * runs; {@code shredded_at} says a local copy was destroyed after sync; {@code key_destruction} records
     * that a tamper signal or the hub's revocation destroyed every wrap of the local data key.
     */
    private static final String[] VERSION_2 = {
        "ALTER TABLE events ADD COLUMN acked_at INTEGER",
        "ALTER TABLE tokens ADD COLUMN shredded_at TEXT",
        """
        CREATE TABLE name_index (
            term BLOB NOT NULL,
            household_id TEXT NOT NULL REFERENCES local_households (household_id) ON DELETE CASCADE,
            PRIMARY KEY (term, household_id)) WITHOUT ROWID""",
        "CREATE INDEX name_index_household ON name_index (household_id)",
        """
        CREATE TABLE key_destruction (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            reason TEXT NOT NULL,
            destroyed_at TEXT NOT NULL)""",
    };

    /**
     * Version 3 (issue 10): tokens replaced by a reissue ({@code revoked_tokens}; the household's row in
     * {@code tokens} then holds its new token), the first answer to each {@code Idempotency-Key}, and each
     * operator's interface language. The duplicate check's keys live in {@code name_index} beside the name terms.
     */
    private static final String[] VERSION_3 = {
        """
        CREATE TABLE revoked_tokens (
            code TEXT PRIMARY KEY,
            household_id TEXT NOT NULL REFERENCES tokens (household_id),
            revoked_at TEXT NOT NULL,
            sequence INTEGER NOT NULL REFERENCES events (sequence))""",
        """
        CREATE TABLE idempotency_keys (
            idempotency_key TEXT PRIMARY KEY,
            request_sha256 BLOB NOT NULL,
            household_id TEXT NOT NULL REFERENCES tokens (household_id),
            created_at TEXT NOT NULL)""",
        """
        CREATE TABLE operator_preferences (
            operator TEXT PRIMARY KEY,
            language TEXT NOT NULL)""",
    };

    private static final String[][] VERSIONS = {VERSION_1, VERSION_2, VERSION_3};

    private KioskSchema() {
    }

    static void migrate(Connection connection) throws SQLException {
        int version;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            version = result.next() ? result.getInt(1) : 0;
        }
        if (version > KioskDatabase.SCHEMA_VERSION) {
            throw new SQLException("the database was written by a newer kiosk version (schema " + version
                    + "); install that version again");
        }
        if (version < KioskDatabase.SCHEMA_VERSION) {
            // All steps in one transaction: a kiosk killed mid-migration reopens at the old version.
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (int step = version; step < KioskDatabase.SCHEMA_VERSION; step++) {
                    for (String sql : VERSIONS[step]) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA user_version = " + KioskDatabase.SCHEMA_VERSION);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
