package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A registration confirmed on screen survives the kiosk process being killed outright (SIGKILL). */
class KilledKioskTest {
    private static final Pattern SERVING = Pattern.compile("KIOSK http://127\\.0\\.0\\.1:(\\d+)");

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
            KioskClient client = new KioskClient(servingPort(kiosk));
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

    private static int servingPort(Process kiosk) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher serving = SERVING.matcher(line);
            if (serving.find()) {
                return Integer.parseInt(serving.group(1));
            }
        }
        throw new AssertionError("The kiosk process ended without serving");
    }
}
