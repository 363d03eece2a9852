package org.threshold.hardware.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.hardware.DeviceInfo;

/**
 * The GPIO devices a kiosk has, however they were found: on the real header (gpiod first, as the
 * Raspberry Pi 5 and current kernels require, then the older sysfs interface through linuxfs), on
 * Pi4J's mock platform, or none at all when the header cannot be used, in which case the kiosk carries
 * on without lights and says why.
 */
public final class GpioDevices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GpioDevices.class);

    /** Where Linux names the board, e.g. "Raspberry Pi 4 Model B Rev 1.5". */
    public static final Path DEVICE_TREE_MODEL = Path.of("/proc/device-tree/model");

    private final StatusLights lights;
    private final Buttons buttons;
    private final Buzzer buzzer;
    private final TamperSwitch tamperSwitch;
    private final DeviceInfo info;
    private final Pi4jGpio gpio;

    private GpioDevices(Pi4jGpio gpio, DeviceInfo info) {
        this.gpio = gpio;
        this.info = info;
        this.lights = gpio == null ? StatusLights.NONE : gpio.lights();
        this.buttons = gpio == null ? Buttons.NONE : gpio.buttons();
        this.buzzer = gpio == null ? Buzzer.NONE : gpio.buzzer();
        this.tamperSwitch = gpio == null ? TamperSwitch.NONE : gpio.tamperSwitch();
    }

    /** Pi4J's mock platform, for a machine without a header and for tests. */
    public static GpioDevices simulated(GpioPins pins, ScheduledExecutorService timer) {
        Context context = Pi4J.newContextBuilder().noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
        Pi4jGpio gpio = new Pi4jGpio(context, pins, "Pi4J mock platform", true, timer);
        return new GpioDevices(gpio, gpio.describe());
    }

    /** The real header: gpiod, else linuxfs, else none, reporting the board and what was chosen. */
    public static GpioDevices onHeader(GpioPins pins, ScheduledExecutorService timer, Path deviceTreeModel) {
        String board = board(deviceTreeModel).orElse("no Raspberry Pi detected");
        List<String> failures = new ArrayList<>();
        Optional<Pi4jGpio> gpio = attempt("gpiod", board, pins, timer, failures, () -> Pi4J.newContextBuilder()
                .noAutoDetect().add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
                .build());
        if (gpio.isEmpty()) {
            gpio = attempt("linuxfs", board, pins, timer, failures, () -> Pi4J.newContextBuilder().noAutoDetect()
                    .add(LinuxFsDigitalInputProvider.newInstance(), LinuxFsDigitalOutputProvider.newInstance())
                    .build());
        }
        if (gpio.isPresent()) {
            return new GpioDevices(gpio.get(), gpio.get().describe());
        }
        String reason = "GPIO unavailable on " + board + " (" + String.join("; ", failures) + "). The kiosk works"
                + " without lights, buttons and tamper switch; to use them, add the kiosk's user to the gpio group"
                + " and restart it.";
        LOG.warn(reason);
        return unavailable(reason);
    }

    /** No GPIO: the kiosk runs on and the status page says why. */
    public static GpioDevices unavailable(String reason) {
        return new GpioDevices(null, new DeviceInfo("gpio", "none", false, reason));
    }

    private static Optional<Pi4jGpio> attempt(String provider, String board, GpioPins pins,
                                              ScheduledExecutorService timer, List<String> failures,
                                              Supplier<Context> context) {
        Context built = null;
        try {
            built = context.get();
            return Optional.of(new Pi4jGpio(built, pins, provider + " on " + board, false, timer));
        } catch (RuntimeException | LinkageError e) {
            // Pi4J reports a missing chip or native library in many ways; all mean "try the next one".
            failures.add(provider + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
            if (built != null) {
                built.shutdown();
            }
            return Optional.empty();
        }
    }

    static Optional<String> board(Path deviceTreeModel) {
        try {
            // The device tree string ends with a NUL.
            String model = Files.readString(deviceTreeModel, StandardCharsets.US_ASCII).replace("\0", "").strip();
            return model.isEmpty() ? Optional.empty() : Optional.of(model);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public StatusLights lights() {
        return lights;
    }

    public Buttons buttons() {
        return buttons;
    }

    public Buzzer buzzer() {
        return buzzer;
    }

    public TamperSwitch tamperSwitch() {
        return tamperSwitch;
    }

    /** False when the kiosk runs without GPIO; {@link #describe()} then says why. */
    public boolean available() {
        return gpio != null;
    }

    /** True when the case is open right now; false without a tamper switch. */
    public boolean tampered() {
        return gpio != null && gpio.tampered();
    }

    /** Hands on simulated pins; empty for a real header or none. */
    public Optional<SimulatedPanel> panel() {
        return gpio == null ? Optional.empty() : gpio.panel();
    }

    public DeviceInfo describe() {
        return info;
    }

    @Override
    public void close() {
        if (gpio != null) {
            gpio.close();
        }
    }
}
