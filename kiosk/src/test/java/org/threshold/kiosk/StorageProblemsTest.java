package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.testing.TestClock;
import org.threshold.kiosk.KioskClient.Reply;

/** A corrupt database file, a nearly full disk and an unclean shutdown: each said clearly, nothing stored harmed. */
class StorageProblemsTest {
    @TempDir
    Path dataDir;
    private final TestClock clock = new TestClock();

    private KioskSettings settings() {
        return new KioskSettings(dataDir, "127.0.0.1", 0, null, false, clock, null);
    }

    @Test
    void aCorruptDatabaseFileIsNamedAndLeftUntouched() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        byte[] garbage = new byte[64 * 1024];
        new SecureRandom().nextBytes(garbage);
        Files.write(dataDir.resolve("kiosk.db"), garbage);

        assertThatThrownBy(() -> KioskApp.start(settings()))
                .isInstanceOf(KioskStartException.class)
                .hasMessageContaining("kiosk.db is damaged or is not a kiosk database")
                .hasMessageContaining("left it untouched");
        assertThat(Files.readAllBytes(dataDir.resolve("kiosk.db"))).isEqualTo(garbage);
    }

    @Test
    void aNearlyFullDiskIsReportedBeforeDataEntryAndRefusesRegistration() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        try (KioskApp kiosk = KioskApp.start(settings().withMinFreeDiskBytes(Long.MAX_VALUE / 2))) {
            KioskClient client = new KioskClient(kiosk.port());
            JsonNode storage = client.get("/api/status").body().path("storage");
            assertThat(storage.path("diskLow").asBoolean()).isTrue();
            assertThat(storage.path("problem").asText()).contains("disk is almost full");

            client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
            Reply refused = client.post("/api/households", Households.nourhan());
            assertThat(refused.status()).isEqualTo(507);
            assertThat(refused.reason()).isEqualTo("DISK_SPACE_LOW");
            assertThat(refused.body().at("/error/message").asText()).contains("Everything already registered is safe");
        }
        assertThat(KioskFiles.count(dataDir, "events")).isZero();
        assertThat(KioskFiles.count(dataDir, "local_households")).isZero();
    }

    @Test
    void afterAnUncleanShutdownTheIntegrityCheckRunsAndIsReported() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        try (KioskApp kiosk = KioskApp.start(settings())) {
            JsonNode storage = new KioskClient(kiosk.port()).get("/api/status").body().path("storage");
            assertThat(storage.path("lastShutdown").asText()).isEqualTo("FIRST_START");
        }
        try (KioskApp kiosk = KioskApp.start(settings())) {
            JsonNode storage = new KioskClient(kiosk.port()).get("/api/status").body().path("storage");
            assertThat(storage.path("lastShutdown").asText()).isEqualTo("CLEAN");
            assertThat(storage.path("integrityCheck").asText()).isEqualTo("not run");
            // A power cut leaves the marker a clean stop removes.
            Files.copy(dataDir.resolve("kiosk.running"), dataDir.resolve("marker.copy"));
        }
        Files.move(dataDir.resolve("marker.copy"), dataDir.resolve("kiosk.running"));

        try (KioskApp kiosk = KioskApp.start(settings())) {
            KioskClient client = new KioskClient(kiosk.port());
            JsonNode storage = client.get("/api/status").body().path("storage");
            assertThat(storage.path("lastShutdown").asText()).isEqualTo("UNCLEAN");
            assertThat(storage.path("integrityCheck").asText()).isEqualTo("ok");
            assertThat(storage.path("problem").isNull()).isTrue();
            client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
            assertThat(client.post("/api/households", Households.nourhan()).status()).isEqualTo(201);
        }
        assertThat(dataDir.resolve("kiosk.running")).doesNotExist();
    }
}
