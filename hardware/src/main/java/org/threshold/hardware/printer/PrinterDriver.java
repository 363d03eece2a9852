package org.threshold.hardware.printer;

import org.threshold.hardware.DeviceDriver;

/** Opens a {@link TokenPrinter}; listed in {@code META-INF/services/org.threshold.hardware.printer.PrinterDriver}. */
public interface PrinterDriver extends DeviceDriver<TokenPrinter> {
}
