package org.threshold.hardware.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPIO on Pi4J's mock platform, through the same Pi4J I/O a Raspberry Pi uses. */
class GpioDevicesTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final GpioDevices gpio = GpioDevices.simulated(GpioPins.DEFAULT, timer);
    private final SimulatedPanel panel = gpio.panel().orElseThrow();

    @TempDir
    Path folder;

    @AfterEach
    void shutDown() {
        gpio.close();
        timer.shutdownNow();
    }

    @Test
    void exactlyOneLightIsLit() {
        assertThat(panel.lit()).isEmpty();

        gpio.lights().show(StatusLights.Light.BUSY);
        assertThat(panel.lit()).contains(StatusLights.Light.BUSY);

        gpio.lights().show(StatusLights.Light.ERROR);
        assertThat(panel.lit()).contains(StatusLights.Light.ERROR);
    }

    @Test
    void openingTheCaseCallsTheHandlerOncePerOpening() {
        AtomicInteger openings = new AtomicInteger();
        gpio.tamperSwitch().onTamper(openings::incrementAndGet);

        panel.openCase();
        assertThat(openings).hasValue(1);
        assertThat(gpio.tampered()).isTrue();
        panel.closeCase();
        assertThat(openings).hasValue(1);
    }

    @Test
    void aPressRunsTheButtonsActionOnly() {
        AtomicInteger reprints = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        gpio.buttons().onPress(Buttons.Button.REPRINT_LAST, reprints::incrementAndGet);
        gpio.buttons().onPress(Buttons.Button.CALL_SUPERVISOR, calls::incrementAndGet);

        panel.press(Buttons.Button.REPRINT_LAST);

        assertThat(reprints).hasValue(1);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aKioskWithoutATamperSwitchNeverReportsTheCaseOpen() {
        try (GpioDevices noSwitch = GpioDevices.simulated(GpioPins.DEFAULT.withoutTamperSwitch(), timer)) {
            noSwitch.tamperSwitch().onTamper(() -> {
                throw new AssertionError("no switch, no tamper");
            });

            assertThat(noSwitch.tampered()).isFalse();
            assertThat(noSwitch.describe().model()).contains("no tamper switch");
        }
    }

    @Test
    void withoutAUsableHeaderTheKioskGoesOnWithoutGpioAndSaysWhy() throws Exception {
        Path model = Files.writeString(folder.resolve("model"), "Raspberry Pi 4 Model B Rev 1.5\0");

        try (GpioDevices header = GpioDevices.onHeader(GpioPins.DEFAULT, timer, model)) {
            // This test machine has no GPIO chip the kiosk may use; a Raspberry Pi would get gpiod here.
            if (!header.describe().model().equals("none")) {
                assertThat(header.describe().detail()).contains("Raspberry Pi 4 Model B Rev 1.5");
                return;
            }
            assertThat(header.describe().detail()).contains("Raspberry Pi 4 Model B Rev 1.5")
                    .contains("gpiod").contains("linuxfs").contains("gpio group");
            header.lights().show(StatusLights.Light.READY);
            assertThat(header.panel()).isEmpty();
        }
    }
}
