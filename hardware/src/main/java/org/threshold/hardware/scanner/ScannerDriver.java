package org.threshold.hardware.scanner;

import org.threshold.hardware.DeviceDriver;

/** Opens a {@link BarcodeScanner}; listed in {@code META-INF/services/org.threshold.hardware.scanner.ScannerDriver}. */
public interface ScannerDriver extends DeviceDriver<BarcodeScanner> {
}
