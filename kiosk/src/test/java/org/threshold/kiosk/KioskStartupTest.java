package org.threshold.kiosk;

import org.threshold.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.threshold.core.deployment.OperatorRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.DeploymentLayout;

class KioskStartupTest {
    @TempDir
    Path dataDir;

    private KioskSettings settings(String hubUrlOverride) {
        return new KioskSettings(dataDir, "127.0.0.1", 0, hubUrlOverride, true, new TestClock(), null);
    }

    @Test
    void aKioskThatWasNeverEnrolledRefusesToStartAndSaysHowToEnrollIt() {
        assertThatThrownBy(() -> KioskApp.start(settings(null)))
                .isInstanceOf(KioskStartException.class)
                .hasMessageContaining("enroll this kiosk first: KioskMain enroll")
                .hasMessageContaining(DeploymentLayout.KIOSK_CONFIG);
        assertThat(dataDir.resolve(KioskApp.DATABASE_FILE)).doesNotExist();
    }

    @Test
    void aMissingKeyFileIsNamed() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        Files.delete(dataDir.resolve(DeploymentLayout.KIOSK_KEY));

        assertThatThrownBy(() -> KioskApp.start(settings(null)))
                .isInstanceOf(KioskStartException.class)
                .hasMessageContaining(DeploymentLayout.KIOSK_KEY);
    }

    @Test
    void aCorruptConfigurationIsNamed() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        Files.writeString(dataDir.resolve(DeploymentLayout.KIOSK_CONFIG), "{\"kioskId\":\"lower case\"}");

        assertThatThrownBy(() -> KioskApp.start(settings(null)))
                .isInstanceOf(KioskStartException.class)
                .hasMessageContaining(DeploymentLayout.KIOSK_CONFIG).hasMessageContaining("not valid");
    }

    @Test
    void anUnusableHubUrlOverrideIsRefused() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");

        assertThatThrownBy(() -> KioskApp.start(settings("ftp://hub")))
                .isInstanceOf(KioskStartException.class).hasMessageContaining("http://");
    }

    @Test
    void everythingTheKioskWritesStaysInItsDataFolder() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");

        try (KioskApp kiosk = KioskApp.start(settings("http://127.0.0.1:7"))) {
            KioskClient client = new KioskClient(kiosk.port());
            assertThat(client.get("/api/status").body().path("hubUrl").asText()).isEqualTo("http://127.0.0.1:7");
            assertThat(client.get("/api/status").body().path("demoMode").asBoolean()).isTrue();
        }
        assertThat(dataDir.resolve(KioskApp.DATABASE_FILE)).isRegularFile();
        assertThat(dataDir.resolve(KioskApp.CARDS_FOLDER)).isDirectory();
        assertThat(Path.of(System.getProperty("org.sqlite.tmpdir"))).startsWith(dataDir.toAbsolutePath());
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithTheFix() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        Path key = dataDir.resolve(DeploymentLayout.KIOSK_KEY);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KioskApp.start(settings(null)))
                .isInstanceOf(KioskStartException.class)
                .hasMessageContaining(DeploymentLayout.KIOSK_KEY).hasMessageContaining("chmod 600");
        assertThat(dataDir.resolve(KioskApp.DATABASE_FILE)).doesNotExist();
    }

    @Test
    void anOperatorListedTwiceIsRefused() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        new ObjectMapper().writeValue(dataDir.resolve(DeploymentLayout.OPERATORS).toFile(), List.of(
                TestDeployment.operator("amal", OperatorRecord.Role.SUPERVISOR, "one passphrase"),
                TestDeployment.operator("amal", OperatorRecord.Role.RECEPTION, "another passphrase")));

        assertThatThrownBy(() -> KioskApp.start(settings(null)))
                .isInstanceOf(KioskStartException.class)
                .hasMessageContaining(DeploymentLayout.OPERATORS).hasMessageContaining("twice");
    }

    @Test
    void aConfigurationWithAKeyGivenTwiceIsRefused() throws Exception {
        TestDeployment deployment = TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        String config = new ObjectMapper().writeValueAsString(deployment.config("http://127.0.0.1:9"));
        Files.writeString(dataDir.resolve(DeploymentLayout.KIOSK_CONFIG),
                config.replaceFirst("\\{", "{\"hubUrl\":\"http://192.0.2.7\","));

        assertThatThrownBy(() -> KioskApp.start(settings(null)))
                .isInstanceOf(KioskStartException.class)
                .hasMessageContaining(DeploymentLayout.KIOSK_CONFIG).hasMessageContaining("not valid");
    }

    @Test
    void aHubUrlWithoutAHostOrWithCredentialsIsRefused() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");

        for (String url : new String[] {"http://", "https://", "https://admin:secret@hub.example.org",
                "https://hub.example.org/?token=1"}) {
            assertThatThrownBy(() -> KioskApp.start(settings(url))).as(url)
                    .isInstanceOf(KioskStartException.class).hasMessageNotContaining("secret");
        }
    }

    @Test
    void theKioskServesOnLoopbackOnly() {
        assertThatThrownBy(() -> new KioskSettings(dataDir, "0.0.0.0", 0, null, false, new TestClock(), null))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> new KioskSettings(dataDir, "192.0.2.7", 0, null, false, new TestClock(), null))
                .hasMessageContaining("loopback");
    }

    @Test
    void settingsRefuseWhatCannotWork() {
        assertThatThrownBy(() -> new KioskSettings(dataDir, "127.0.0.1", 70_000, null, false, new TestClock(), null))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> new KioskSettings(dataDir, "127.0.0.1", 0, null, false, new TestClock(),
                Duration.ofSeconds(-1))).hasMessageContaining("sync interval");
    }
}
