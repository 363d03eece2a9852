package org.threshold.hardware.gpio;

import java.util.HashSet;
import java.util.Set;

/**
 * Which BCM GPIO line each device is wired to. The defaults keep clear of the UART (14, 15), I2C (2, 3)
 * and SPI (7-11) pins, so a serial printer or a display hat can share the header.
 *
 * <p>LEDs and the buzzer are driven high to light or sound. Buttons and the tamper switch use the
 * internal pull-up and connect to ground: a button reads low while pressed, and the tamper switch is a
 * normally-closed contact that reads high once the case is open or its wire is cut. A kiosk without a
 * tamper switch says so with {@link #NOT_FITTED}: an unwired pulled-up pin reads "open" for ever.
 */
public record GpioPins(int ready, int busy, int offline, int error, int buzzer, int reprintButton,
                       int supervisorButton, int tamper) {

    public static final GpioPins DEFAULT = new GpioPins(17, 27, 22, 23, 24, 5, 6, 26);
    public static final int NOT_FITTED = -1;

    public GpioPins {
        Set<Integer> seen = new HashSet<>();
        int[] wired = tamper == NOT_FITTED
                ? new int[] {ready, busy, offline, error, buzzer, reprintButton, supervisorButton}
                : new int[] {ready, busy, offline, error, buzzer, reprintButton, supervisorButton, tamper};
        for (int pin : wired) {
            if (pin < 0 || pin > 27) {
                throw new IllegalArgumentException("A Raspberry Pi header GPIO is BCM 0 to 27, not " + pin);
            }
            if (!seen.add(pin)) {
                throw new IllegalArgumentException("GPIO " + pin + " is wired to two devices; give each its own");
            }
        }
    }

    public boolean tamperFitted() {
        return tamper != NOT_FITTED;
    }

    public GpioPins withoutTamperSwitch() {
        return new GpioPins(ready, busy, offline, error, buzzer, reprintButton, supervisorButton, NOT_FITTED);
    }
}
