package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.testing.TestPostgres;

/** {@code GET /health}: what a load balancer's active check asks, on SQLite and (below) on PostgreSQL. */
class HealthTest {
    @TempDir
    Path dataDir;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    @Test
    void answers200WithoutSignInWhileTheStoreAnswersAnd503OnceItDoesNot() {
        try (HubFixture hub = HubFixture.start(dataDir, database())) {
            HubClient.Response healthy = hub.client().get("/health");

            assertThat(healthy.status()).isEqualTo(200);
            assertThat(healthy.json().get("status").asText()).isEqualTo("ok");

            // The database is gone while HTTP still serves: the balancer must stop sending this hub anything.
            hub.server().services().close();
            HubClient.Response unhealthy = hub.client().get("/health");

            assertThat(unhealthy.status()).isEqualTo(503);
            assertThat(unhealthy.json().get("status").asText()).isEqualTo("store-unavailable");
        }
    }

    static class OnPostgres extends HealthTest {
        @Override
        DatabaseSettings database() {
            return TestPostgres.newMigratedDatabase();
        }
    }
}
