package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.testing.DebianPackages;
import org.threshold.hub.app.StoreContents;
import org.threshold.hub.app.StoreException;
import org.threshold.hub.testing.TestPostgres;

/**
 * The store's backup port on SQLite and PostgreSQL: a copy taken while the hub serves holds exactly what it says,
 * restores into an empty database only, and the restored store holds the same rows and chain heads.
 */
class StoreDumpTest {
    @Nested
    class OnSqlite extends StoreDumpContract {
        @Override
        DatabaseSettings newDatabase() {
            return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
        }

        @Test
        void aSqliteCopyRestoresIntoPostgresqlToo() throws Exception {
            Path dump = dir.resolve("dump");
            StoreContents taken;
            try (HubFixture hub = HubFixture.start(dir.resolve("hub"))) {
                hub.client().sync("KIOSK-01", hub.kiosk.registerMany(2));
                try (HubServices services = HubServices.open(hub.dataDir, hub.database, hub.clock)) {
                    taken = services.dumpStoreTo(dump);
                }
            }
            DatabaseSettings postgres = TestPostgres.newDatabase();
            HubServices.restoreStore(dir, postgres, taken.dialect(), dump);
            try (HubServices restored = HubServices.open(dir, postgres, java.time.Clock.systemUTC())) {
                assertThat(restored.storeContents().rows()).isEqualTo(taken.rows());
                assertThat(restored.storeContents().heads()).isEqualTo(taken.heads());
            }
        }
    }

    @Nested
    class OnPostgres extends StoreDumpContract {
        @Override
        DatabaseSettings newDatabase() {
            DebianPackages.require("pg_dump", "postgresql-client");
            return TestPostgres.newDatabase();
        }
    }
}

abstract class StoreDumpContract {
    @TempDir
    Path dir;

    abstract DatabaseSettings newDatabase();

    @Test
    void aCopyTakenWhileTheHubServesRestoresIntoAnEmptyDatabaseOnly() throws Exception {
        Path dump = dir.resolve("dump");
        StoreContents taken;
        try (HubFixture hub = HubFixture.start(dir.resolve("hub"), newDatabase())) {
            hub.client().sync("KIOSK-01", hub.kiosk.registerMany(3));
            awaitProjected(hub, 3);
            try (HubServices services = HubServices.open(hub.dataDir, hub.database, hub.clock)) {
                taken = services.dumpStoreTo(dump);
            }
            assertThat(hub.client().sync("KIOSK-01", hub.kiosk.registerMany(2)).status()).isEqualTo(200);
        }
        assertThat(Files.getPosixFilePermissions(dump)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(taken.events()).isEqualTo(3);
        assertThat(taken.households()).isEqualTo(3);
        assertThat(taken.kiosks()).isEqualTo(1);
        assertThat(taken.heads()).containsOnlyKeys("KIOSK-01");
        assertThat(taken.heads().get("KIOSK-01").sequence()).isEqualTo(3);

        Path restoredDir = dir.resolve("restored");
        Files.createDirectories(restoredDir);
        DatabaseSettings target = newDatabase();
        HubServices.restoreStore(restoredDir, target, taken.dialect(), dump);
        try (HubServices restored = HubServices.open(restoredDir, target, java.time.Clock.systemUTC())) {
            assertThat(restored.storeContents()).isEqualTo(taken);
        }
        assertThatThrownBy(() -> HubServices.restoreStore(restoredDir, target, taken.dialect(), dump))
                .isInstanceOf(StoreException.class).hasMessageContaining("empty");
    }

    /** Households are projected from events in the background: the copy is checked once they are. */
    static void awaitProjected(HubFixture hub, long households) throws InterruptedException {
        for (int attempt = 0; attempt < 300 && hub.count("households") < households; attempt++) {
            Thread.sleep(100);
        }
        assertThat(hub.count("households")).isEqualTo(households);
    }
}
