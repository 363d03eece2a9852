package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubStartupTest {
    @TempDir
    Path dataDir;

    @Test
    void refusesToStartWithoutKeysAndSaysWhatToRun() {
        assertThatThrownBy(() -> HubServer.start(HubSettings.of(dataDir)))
                .isInstanceOf(HubStartupException.class)
                .hasMessageContaining("keys.json")
                .hasMessageContaining("provision init");
        assertThat(dataDir.resolve(org.threshold.hub.store.JdbiHubStore.SQLITE_FILE)).doesNotExist();
    }

    @Test
    void refusesUnreadableKeysWithoutQuotingThem() throws IOException {
        Files.writeString(dataDir.resolve("keys.json"), "{\"identity\": {\"privateKey\": \"SECRET-ISH\"");

        assertThatThrownBy(() -> HubServer.start(HubSettings.of(dataDir)))
                .isInstanceOf(HubStartupException.class)
                .hasMessageContaining("unreadable")
                .hasMessageNotContaining("SECRET-ISH");
    }

    @Test
    void answersUnknownApiAddressesWithAJsonError(@TempDir Path other) {
        try (HubFixture hub = HubFixture.start(other)) {
            HubClient.Response response = hub.client().get("/api/nothing-here");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.reason()).isEqualTo("NO_SUCH_ENDPOINT");
            assertThat(response.json().at("/error/message").asText()).isNotBlank();
        }
    }

    @Test
    void writesTheRetentionPeriodsItRunsWithForTheProvisionCommand(@TempDir Path other) {
        try (HubFixture hub = HubFixture.start(other)) {
            assertThat(RetentionSettingsFile.read(other))
                    .contains(org.threshold.hub.app.dsr.RetentionPeriods.DEFAULT);
        }
    }

    @Test
    void readsItsCommandLine() {
        HubSettings settings = HubMain.parse(new String[] {"--data", dataDir.toString(), "--port", "8123", "--demo"});

        assertThat(settings.dataDir()).isEqualTo(dataDir.toAbsolutePath());
        assertThat(settings.port()).isEqualTo(8123);
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.demoMode()).isTrue();
        assertThat(settings.adminUser()).isEqualTo("admin");
        assertThat(settings.toString()).doesNotContain("demo-password");
        assertThatThrownBy(() -> HubMain.parse(new String[] {"--port", "80"})).hasMessageContaining("--data");
        assertThatThrownBy(() -> HubMain.parse(new String[] {"--data", "x", "--port", "http"}))
                .hasMessageContaining("--port");
    }
}
