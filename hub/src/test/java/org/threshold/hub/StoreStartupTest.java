package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.store.JdbiHubStore;
import org.threshold.hub.testing.TestPostgres;

/** What the hub says when its database is wrong at start, and what its status shows when it is right. */
class StoreStartupTest {
    @TempDir
    Path dataDir;

    @Test
    void aUrlOfAnotherDatabaseIsRefusedWithTheTwoThatWork() {
        assertThatThrownBy(() -> HubServices.open(dataDir, DatabaseSettings.of("jdbc:mysql://db/threshold?password=s3cret",
                null), java.time.Clock.systemUTC()))
                .isInstanceOf(HubStartupException.class)
                .hasMessageContaining("neither SQLite nor PostgreSQL")
                .hasMessageContaining("--db 'jdbc:postgresql://")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> DatabaseSettings.of("postgres://db/threshold", null))
                .hasMessageContaining("JDBC URL");
    }

    @Test
    void anUnreachableServerIsNamedWithoutItsQuery() {
        assertThatThrownBy(() -> HubServices.open(dataDir, DatabaseSettings.of(
                "jdbc:postgresql://127.0.0.1:1/threshold?user=threshold&password=s3cret&connectTimeout=2", null),
                java.time.Clock.systemUTC()))
                .isInstanceOf(HubStartupException.class)
                .hasMessageContaining("Could not reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/threshold")
                .hasMessageContaining("server is running")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aDatabaseAtANewerSchemaVersionStopsTheHub() throws Exception {
        JdbiHubStore.openIn(dataDir).close();
        try (Connection connection = DriverManager.getConnection(JdbiHubStore.sqliteUrl(dataDir));
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                    + "'V99__from_the_future.sql', 0, 'test', 0, 1)");
        }

        assertThatThrownBy(() -> HubServices.open(dataDir, DatabaseSettings.SQLITE_IN_DATA_FOLDER,
                java.time.Clock.systemUTC()))
                .isInstanceOf(HubStartupException.class)
                .hasMessageContaining("schema version 99, newer than this hub release knows (20)")
                .hasMessageContaining("do not run an older hub on it");
    }

    @Test
    void aMigrationThatFailsLeavesTheDatabaseAsItWasAndSaysWhy() throws Exception {
        String url = TestPostgres.newDatabaseUrl();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE households (something_else TEXT)");
        }

        assertThatThrownBy(() -> HubServices.open(dataDir, DatabaseSettings.of(url, null), java.time.Clock.systemUTC()))
                .isInstanceOf(HubStartupException.class)
                .hasMessageContaining("Migrating the hub database failed")
                .hasMessageContaining("stays at schema version none");
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                     + "WHERE table_name IN ('events', 'kiosk_heads')")) {
            tables.next();
            assertThat(tables.getInt(1)).as("V1's tables were rolled back").isZero();
        }
    }

    @Test
    void theStatusShowsTheDatabaseAndItsSchemaVersion() {
        try (HubFixture hub = HubFixture.start(dataDir, TestPostgres.newDatabase())) {
            HubClient.Response status = hub.client().get("/api/status");

            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json().at("/store/database").asText()).isEqualTo("postgresql");
            assertThat(status.json().at("/store/schemaVersion").asText()).isEqualTo("20");
        }
    }

    @Test
    void theDatabasePasswordComesFromAFileAndIsNeverShown() throws Exception {
        Path passwordFile = Files.writeString(dataDir.resolve("db-password"), "correct horse\n");
        HubSettings settings = HubMain.parse(new String[] {"--data", dataDir.toString(), "--db",
                "jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold", "--db-password-file",
                passwordFile.toString()});

        assertThat(settings.database().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold");
        assertThat(settings.database().password()).isEqualTo("correct horse".toCharArray());
        assertThat(settings.toString()).doesNotContain("correct horse").doesNotContain("user=threshold");
        assertThatThrownBy(() -> HubMain.parse(new String[] {"--data", "x", "--db-password-file", "y"}))
                .hasMessageContaining("goes with --db");
    }
}
