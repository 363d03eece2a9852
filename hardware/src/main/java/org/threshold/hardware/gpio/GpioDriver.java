package org.threshold.hardware.gpio;

import org.threshold.hardware.DeviceDriver;

/** Opens the GPIO devices; listed in {@code META-INF/services/org.threshold.hardware.gpio.GpioDriver}. */
public interface GpioDriver extends DeviceDriver<GpioDevices> {
}
