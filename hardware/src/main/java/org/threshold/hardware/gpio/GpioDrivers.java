package org.threshold.hardware.gpio;

import org.threshold.hardware.DriverContext;
import org.threshold.hardware.HardwareSettings;

/** The GPIO drivers this module ships. Pins come from {@code gpio.pin.*} (BCM numbers). */
public final class GpioDrivers {

    private GpioDrivers() {
    }

    /**
     * {@code gpio.tamper}: whether a tamper switch is wired. Off by default on a real header, because an
     * unwired pulled-up pin reads "case open", and the tamper response destroys keys; the installer who
     * fits the switch turns it on. On by default when simulated, so the demo and tests have one.
     */
    static GpioPins pins(HardwareSettings settings, boolean tamperByDefault) {
        GpioPins pins = pins(settings);
        return settings.flag("gpio.tamper", tamperByDefault) ? pins : pins.withoutTamperSwitch();
    }

    private static GpioPins pins(HardwareSettings settings) {
        GpioPins d = GpioPins.DEFAULT;
        try {
            return new GpioPins(settings.integer("gpio.pin.ready", d.ready()), settings.integer("gpio.pin.busy", d.busy()),
                    settings.integer("gpio.pin.offline", d.offline()), settings.integer("gpio.pin.error", d.error()),
                    settings.integer("gpio.pin.buzzer", d.buzzer()),
                    settings.integer("gpio.pin.reprint", d.reprintButton()),
                    settings.integer("gpio.pin.supervisor", d.supervisorButton()),
                    settings.integer("gpio.pin.tamper", d.tamper()));
        } catch (IllegalArgumentException e) {
            throw settings.invalid("gpio.pin.*", e);
        }
    }

    /** {@code gpio=pi4j}: the header, gpiod then linuxfs; none (and why) if neither works. */
    public static final class Header implements GpioDriver {
        @Override
        public String name() {
            return "pi4j";
        }

        @Override
        public GpioDevices open(HardwareSettings settings, DriverContext context) {
            return GpioDevices.onHeader(pins(settings, false), context.timer(), GpioDevices.DEVICE_TREE_MODEL);
        }
    }

    /** {@code gpio=simulated}: Pi4J's mock platform. */
    public static final class Simulated implements GpioDriver {
        @Override
        public String name() {
            return "simulated";
        }

        @Override
        public GpioDevices open(HardwareSettings settings, DriverContext context) {
            return GpioDevices.simulated(pins(settings, true), context.timer());
        }
    }

    /** {@code gpio=none}: no lights, buttons or tamper switch. */
    public static final class None implements GpioDriver {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public GpioDevices open(HardwareSettings settings, DriverContext context) {
            return GpioDevices.unavailable("gpio=none in the hardware settings");
        }
    }
}
