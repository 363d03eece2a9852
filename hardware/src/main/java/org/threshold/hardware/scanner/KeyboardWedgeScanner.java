package org.threshold.hardware.scanner;

import java.util.concurrent.atomic.AtomicReference;
import org.threshold.hardware.DeviceInfo;

/**
 * A USB HID scanner that types like a keyboard. The operating system gives its keystrokes to the kiosk
 * page, which posts each finished line here. Thread-safe.
 */
public final class KeyboardWedgeScanner implements BarcodeScanner {

    private final AtomicReference<ScanListener> listener = new AtomicReference<>();

    @Override
    public void listen(ScanListener scanListener) {
        listener.set(scanListener);
    }

    /** A line the page received from the scanner's keystrokes. */
    public void typed(String line) {
        ScanListener current = listener.get();
        if (current != null && !line.isBlank()) {
            current.scanned(line.strip());
        }
    }

    @Override
    public DeviceInfo describe() {
        return new DeviceInfo("scanner", "USB keyboard-wedge scanner", false, "typed into the kiosk page");
    }

    @Override
    public void close() {
        listener.set(null);
    }
}
