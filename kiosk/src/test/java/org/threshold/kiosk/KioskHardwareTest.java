package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.testing.TestClock;
import org.threshold.hardware.DriverContext;
import org.threshold.hardware.Hardware;
import org.threshold.hardware.HardwareSettings;
import org.threshold.hardware.gpio.Buttons;
import org.threshold.hardware.gpio.SimulatedPanel;
import org.threshold.hardware.gpio.StatusLights.Light;
import org.threshold.kiosk.KioskClient.Reply;
import org.threshold.kiosk.hardware.KioskHardware;

/** The kiosk's devices on Pi4J's mock platform: lights follow the kiosk, the tamper switch reaches it. */
class KioskHardwareTest {

    @TempDir
    Path dataDir;

    private KioskApp kiosk;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        timer.shutdownNow();
    }

    private KioskClient start(String hardwareProperties) throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        Files.writeString(dataDir.resolve(HardwareSettings.FILE_NAME), hardwareProperties);
        kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, null, false, new TestClock(), null));
        KioskClient client = new KioskClient(kiosk.port());
        client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
        return client;
    }

    @Test
    void lightsFollowTheKioskThroughAPrinterFaultAndItsReprint() throws Exception {
        Path printer = dataDir.resolve("usb").resolve("lp0");
        KioskClient client = start("printer=escpos-file\nprinter.device=" + printer + "\ngpio=simulated\n");
        SimulatedPanel panel = kiosk.simulatedPanel().orElseThrow();
        assertThat(panel.lit()).contains(Light.READY);

        Reply registered = client.post("/api/households", Households.nourhan());

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body().path("printed").asBoolean()).isFalse();
        assertThat(registered.body().path("printMessage").asText()).contains("cannot be reached")
                .contains("registration is saved");
        assertThat(panel.lit()).contains(Light.ERROR);
        JsonNode printerStatus = device(client, "printer");
        assertThat(printerStatus.path("simulated").asBoolean()).isFalse();
        assertThat(printerStatus.path("problem").asText()).contains("cannot be reached");
        client.header("Accept-Language", "fr");
        assertThat(device(client, "printer").path("problem").asText()).startsWith("L'imprimante est injoignable.");
        client.header("Accept-Language", "ar");
        assertThat(device(client, "printer").path("problem").asText()).startsWith("تعذّر الوصول إلى الطابعة.");
        client.header("Accept-Language", null);
        assertThat(device(client, "gpio").path("simulated").asBoolean()).isTrue();

        Files.createDirectories(printer.getParent());
        Files.createFile(printer);
        String code = registered.body().path("token").path("code").asText();
        Reply reprinted = client.post("/api/households/" + code + "/reprint", Map.of());

        assertThat(reprinted.body().path("printed").asBoolean()).isTrue();
        assertThat(reprinted.body().path("card").isNull()).isTrue();
        assertThat(Files.size(printer)).isPositive();
        assertThat(panel.lit()).contains(Light.READY);
        assertThat(device(client, "printer").path("problem").isNull()).isTrue();
    }

    @Test
    void theReprintButtonIsASupervisorsRecordedReprintOfTheLastCard() throws Exception {
        KioskClient supervisor = start("gpio=simulated\n");
        SimulatedPanel panel = kiosk.simulatedPanel().orElseThrow();
        supervisor.post("/api/households", Households.nourhan());
        long afterRegistration = totalEvents(supervisor);
        Map<Path, String> cardsBefore = cards();

        panel.press(Buttons.Button.REPRINT_LAST);

        Eventually.await(Duration.ofSeconds(10), "the reprint is recorded",
                () -> totalEvents(supervisor) == afterRegistration + 1);
        Eventually.await(Duration.ofSeconds(10), "the copy is printed", () -> !cards().equals(cardsBefore));
        assertThat(device(supervisor, "gpio").path("problem").isNull()).isTrue();
    }

    @Test
    void theReprintButtonRefusesAReceptionOperatorAndPrintsNothing() throws Exception {
        KioskClient supervisor = start("gpio=simulated\n");
        supervisor.post("/api/households", Households.nourhan());
        supervisor.delete("/api/session");
        KioskClient reception = new KioskClient(kiosk.port());
        reception.unlock(TestDeployment.SECOND_OPERATOR, TestDeployment.SECOND_PASSPHRASE);
        Map<Path, String> cardsBefore = cards();
        long eventsBefore = totalEvents(reception);

        kiosk.simulatedPanel().orElseThrow().press(Buttons.Button.REPRINT_LAST);

        Eventually.await(Duration.ofSeconds(10), "the refusal shows in the status bar",
                () -> device(reception, "gpio").path("problem").asText().contains("supervisor"));
        assertThat(totalEvents(reception)).isEqualTo(eventsBefore);
        assertThat(cards()).isEqualTo(cardsBefore);
    }

    /** Each simulated card's file and a digest of its content: a reprint rewrites the card's file. */
    private Map<Path, String> cards() {
        try (var files = Files.list(dataDir.resolve(KioskApp.CARDS_FOLDER))) {
            return files.collect(java.util.stream.Collectors.toMap(file -> file, file -> {
                try {
                    return org.threshold.core.crypto.Bytes.hex(org.threshold.core.crypto.Bytes.sha256(
                            Files.readAllBytes(file)));
                } catch (java.io.IOException e) {
                    return "unreadable";
                }
            }));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long totalEvents(KioskClient client) {
        try {
            return client.get("/api/status").body().path("totalEvents").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void openingTheCaseLocksEveryShift() throws Exception {
        KioskClient client = start("gpio=simulated\n");
        String code = client.post("/api/households", Households.nourhan()).body().path("token").path("code").asText();

        kiosk.simulatedPanel().orElseThrow().openCase();

        Reply afterwards = client.get("/api/households/" + code);
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(afterwards.reason()).isEqualTo("LOCKED");
        assertThat(kiosk.simulatedPanel().orElseThrow().lit()).contains(Light.ERROR);
        assertThat(device(client, "gpio").path("problem").asText()).contains("case was opened");
        client.header("Accept-Language", "uk");
        assertThat(device(client, "gpio").path("problem").asText()).startsWith("Корпус кіоску відкрили");
    }

    @Test
    void aTamperEdgeReachesTheTamperResponseOncePerOpening() {
        AtomicInteger openings = new AtomicInteger();
        Hardware devices = Hardware.open(HardwareSettings.of(Map.of("gpio", "simulated")),
                new DriverContext(dataDir, dataDir, timer));
        try (KioskHardware hardware = new KioskHardware(devices, source -> openings.incrementAndGet())) {
            SimulatedPanel panel = hardware.simulatedPanel().orElseThrow();

            panel.openCase();
            panel.closeCase();
            panel.openCase();

            assertThat(openings).hasValue(2);
        }
    }

    @Test
    void aWedgeScanOpensTheCardsToken() throws Exception {
        KioskClient client = start("gpio=simulated\nscanner=keyboard\n");
        JsonNode token = client.post("/api/households", Households.nourhan()).body().path("token");

        assertThat(client.get("/api/scans/next").status()).isEqualTo(204);
        client.post("/api/scans", Map.of("line", token.path("qr").asText() + "\r"));

        Reply next = client.get("/api/scans/next");
        assertThat(next.body().path("code").asText()).isEqualTo(token.path("code").asText());
        assertThat(client.get("/api/scans/next").status()).isEqualTo(204);
    }

    private static JsonNode device(KioskClient client, String kind) {
        try {
            return deviceOrFail(client, kind);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode deviceOrFail(KioskClient client, String kind) throws Exception {
        for (JsonNode device : client.get("/api/status").body().path("hardware")) {
            if (device.path("kind").asText().equals(kind)) {
                return device;
            }
        }
        throw new AssertionError("no " + kind + " in the status");
    }
}
