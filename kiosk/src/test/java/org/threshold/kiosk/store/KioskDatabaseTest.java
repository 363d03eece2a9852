package org.threshold.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskDatabaseTest {
    @TempDir
    Path folder;

    private static String pragma(KioskDatabase database, String name) {
        return database.read("read a pragma", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("PRAGMA " + name)) {
                row.next();
                return row.getString(1);
            }
        });
    }

    @Test
    void commitsAreDurableThroughAWriteAheadLogWithFullSync() {
        try (KioskDatabase database = KioskDatabase.open(folder.resolve("kiosk.db"))) {
            assertThat(pragma(database, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(database, "synchronous")).as("2 is FULL").isEqualTo("2");
            assertThat(pragma(database, "busy_timeout")).isEqualTo("5000");
            assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(database, "user_version")).isEqualTo(String.valueOf(KioskDatabase.SCHEMA_VERSION));
        }
    }

    @Test
    void reopeningKeepsTheSchemaAndItsContents() {
        try (KioskDatabase database = KioskDatabase.open(folder.resolve("kiosk.db"))) {
            new EventLog(database).recordSyncFailure("offline");
        }
        try (KioskDatabase database = KioskDatabase.open(folder.resolve("kiosk.db"))) {
            assertThat(new EventLog(database).syncState().lastSyncError()).isEqualTo("offline");
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (KioskDatabase database = KioskDatabase.open(folder.resolve("kiosk.db"))) {
            assertThatThrownBy(() -> database.transaction("fail on purpose", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UPDATE sync_state SET last_sync_error = 'half done' WHERE id = 1");
                    statement.execute("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("fail on purpose");

            assertThat(new EventLog(database).syncState().lastSyncError()).isNull();
        }
    }

    @Test
    void aDatabaseFromANewerKioskIsNotTouched() {
        try (KioskDatabase database = KioskDatabase.open(folder.resolve("kiosk.db"))) {
            database.read("pretend to be newer", connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.execute("PRAGMA user_version = 99");
                }
            });
        }
        assertThatThrownBy(() -> KioskDatabase.open(folder.resolve("kiosk.db")))
                .isInstanceOf(StoreException.class).hasMessageContaining("newer kiosk version");
    }
}
