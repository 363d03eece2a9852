package org.threshold.hardware;

import java.util.Objects;

/**
 * What a device port is backed by, so the kiosk's status page can say which devices are real and
 * which are simulated.
 *
 * @param kind      the port, e.g. {@code "printer"} or {@code "scanner"}
 * @param model     what answers on that port, e.g. a printer model or {@code "PNG card simulator"}
 * @param simulated true when no physical device is involved
 * @param detail    where the device is, e.g. a serial port or a folder; may be empty
 */
public record DeviceInfo(String kind, String model, boolean simulated, String detail) {

    public DeviceInfo {
        requireText(kind, "kind");
        requireText(model, "model");
        Objects.requireNonNull(detail, "detail");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A device needs a " + field);
        }
    }
}
