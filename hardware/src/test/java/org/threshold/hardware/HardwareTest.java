package org.threshold.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.hardware.printer.escpos.CardFormat;
import org.threshold.hardware.printer.escpos.EscPosCard;

class HardwareTest {

    @TempDir
    Path dataDir;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private DriverContext context() {
        return new DriverContext(dataDir, dataDir, timer);
    }

    @Test
    void withoutSettingsNothingNeedsHardware() {
        // Off a Raspberry Pi: the printer and GPIO are simulated, and the keyboard stands in for a scanner.
        try (Hardware hardware = Hardware.open(HardwareSettings.of(Map.of()), context())) {
            assertThat(hardware.describe()).extracting(DeviceInfo::kind).containsExactly("printer", "scanner", "gpio");
            assertThat(hardware.describe()).extracting(DeviceInfo::simulated).containsExactly(true, false, true);
            assertThat(hardware.scanner().describe().model()).isEqualTo("USB keyboard-wedge scanner");
        }
    }

    @Test
    void driversAreFoundByNameFromTheFileAndSystemPropertiesWin() throws Exception {
        Path device = Files.createFile(dataDir.resolve("lp0"));
        Files.writeString(dataDir.resolve(HardwareSettings.FILE_NAME), """
                printer=escpos-file
                printer.device=%s
                printer.paper=80
                scanner=serial
                scanner.port=/dev/ttyACM0
                gpio=simulated
                """.formatted(device));
        Properties system = new Properties();
        system.setProperty("threshold.hardware.scanner", "keyboard");

        try (Hardware hardware = Hardware.open(HardwareSettings.load(dataDir, system), context())) {
            assertThat(hardware.printer().describe().simulated()).isFalse();
            assertThat(hardware.scanner().describe().model()).isEqualTo("USB keyboard-wedge scanner");
            TokenCard card = new TokenCard("7K3M-Q9XD-2HPT-VB6R-F", "TH1:7K3MQ9XD2HPTVB6R", "Palanca",
                    LocalDate.of(2026, 11, 24), "KIOSK-01");

            hardware.printer().print(card);

            assertThat(Files.readAllBytes(device)).isEqualTo(EscPosCard.encode(card,
                    new CardFormat(CardFormat.PAPER_80MM_DOTS, CardFormat.QrMode.RASTER)));
        }
    }

    @Test
    void anUnknownDriverIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> Hardware.open(HardwareSettings.of(Map.of("printer", "laser")), context()))
                .isInstanceOf(HardwareException.class)
                .hasMessageContaining("printer=laser")
                .hasMessageContaining("escpos-file, escpos-serial, simulated");
    }

    @Test
    void aMissingPortIsAskedFor() {
        assertThatThrownBy(() -> Hardware.open(HardwareSettings.of(Map.of("printer", "escpos-serial")), context()))
                .hasMessageContaining("printer.port=/dev/ttyUSB0");
    }
}
