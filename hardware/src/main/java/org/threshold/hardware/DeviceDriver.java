package org.threshold.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A way to open one kind of device, found through {@link ServiceLoader}: a new printer model is a new
 * class listed in {@code META-INF/services}, not an edit here. The kiosk names the driver it wants in
 * its hardware settings ({@code printer=escpos-serial}).
 *
 * @param <D> the port the driver opens
 */
public interface DeviceDriver<D> {

    /** The name used in the settings, e.g. {@code escpos-serial}. */
    String name();

    /**
     * Opens the device with its settings.
     *
     * @throws HardwareException if a setting is missing or wrong; opening must not fail only because the
     *                           device is unplugged right now, as that is reported when it is used
     */
    D open(HardwareSettings settings, DriverContext context);

    /** The driver called {@code name} among those on the class path, or an error listing them all. */
    static <T extends DeviceDriver<?>> T named(Class<T> kind, String what, String name) {
        List<String> known = new ArrayList<>();
        for (T driver : ServiceLoader.load(kind, kind.getClassLoader())) {
            if (driver.name().equals(name)) {
                return driver;
            }
            known.add(driver.name());
        }
        known.sort(null);
        throw new HardwareException(what + "=" + name + " is not a known " + what + " driver; known ones are "
                + String.join(", ", known) + ".");
    }
}
