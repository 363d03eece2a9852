package org.threshold.hardware.serial;

import java.util.Objects;

/**
 * Where a serial device is and how fast it talks; always 8 data bits, no parity, one stop bit.
 *
 * @param port a device path such as {@code /dev/ttyUSB0}, {@code /dev/serial/by-id/...} or {@code /dev/ttyACM0}
 * @param baud 9600 for most scanners, 19200 or 115200 for printers: the printer's self-test page says which
 */
public record SerialSettings(String port, int baud) {

    public SerialSettings {
        Objects.requireNonNull(port, "port");
        if (port.isBlank()) {
            throw new IllegalArgumentException("A serial device needs a port, such as /dev/ttyUSB0");
        }
        if (baud < 1200 || baud > 921_600) {
            throw new IllegalArgumentException("A serial speed is 1200 to 921600 baud, not " + baud);
        }
    }
}
