package org.threshold.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.DatabaseSettings;

/** On a packaged hub host, provision reaches the database the service runs on, unless --db says otherwise. */
class HubConfDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theServicesPostgresqlDatabaseIsUsedWithoutDb() throws Exception {
        Path password = Files.writeString(dir.resolve("db-password"), "s3cret\n");
        Path conf = Files.writeString(dir.resolve("hub.conf"), """
                # settings
                data = /var/lib/threshold/hub
                db = jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold
                db.password-file = %s
                """.formatted(password));
        HubOption option = option(conf, null);

        DatabaseSettings database = option.database();

        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold");
        assertThat(database.password()).containsExactly("s3cret".toCharArray());
    }

    @Test
    void sqliteAMissingFileOrAGivenDbLeaveTheOptionsAsGiven() throws Exception {
        Path sqlite = Files.writeString(dir.resolve("sqlite.conf"), "db = sqlite\n");
        Path postgres = Files.writeString(dir.resolve("pg.conf"), "db = jdbc:postgresql://10.0.0.9/hub\n");

        assertThat(option(sqlite, null).database()).isEqualTo(DatabaseSettings.SQLITE_IN_DATA_FOLDER);
        assertThat(option(dir.resolve("missing.conf"), null).database())
                .isEqualTo(DatabaseSettings.SQLITE_IN_DATA_FOLDER);
        assertThat(option(postgres, "jdbc:postgresql://127.0.0.1/other").database().jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1/other");
    }

    private HubOption option(Path conf, String db) {
        HubOption option = new HubOption();
        option.hubDir = dir;
        option.hubConf = conf;
        option.databaseUrl = db;
        return option;
    }
}
