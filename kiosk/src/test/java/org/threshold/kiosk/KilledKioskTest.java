package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A registration confirmed on screen survives the kiosk process being killed outright (SIGKILL). */
class KilledKioskTest {

    @TempDir
    Path dataDir;

    @Test
    @Timeout(120)
    void aConfirmedRegistrationSurvivesAKilledProcess() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        Process kiosk = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KioskMain.class.getName(),
                "--data", dataDir.toString(), "--port", "0", "--sync-every", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        JsonNode registered;
        try {
            KioskClient client = new KioskClient(KioskProcesses.servingPort(kiosk));
            client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
            ObjectNode household = Households.nourhan();
            household.put("arrivalDate", LocalDate.now(Clock.systemDefaultZone()).minusDays(1).toString());
            registered = client.post("/api/households", household).body();
            assertThat(registered.path("printed").asBoolean()).isTrue();
        } finally {
            kiosk.destroyForcibly();
            assertThat(kiosk.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (KioskApp reopened = KioskApp.start(
                new KioskSettings(dataDir, "127.0.0.1", 0, null, false, Clock.systemDefaultZone(), null))) {
            KioskClient client = new KioskClient(reopened.port());
            client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
            JsonNode found = client.get("/api/households/" + registered.path("token").path("code").asText()).body();
            assertThat(found.path("householdId").asText()).isEqualTo(registered.path("householdId").asText());
            assertThat(found.path("household").path("members").path(0).path("givenName").asText())
                    .isEqualTo(Households.GIVEN_NAME);
        }
    }
}
