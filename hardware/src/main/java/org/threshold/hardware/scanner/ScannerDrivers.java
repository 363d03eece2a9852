package org.threshold.hardware.scanner;

import java.nio.file.Path;
import org.threshold.hardware.DriverContext;
import org.threshold.hardware.HardwareSettings;
import org.threshold.hardware.serial.SerialSettings;

/** The scanner drivers this module ships. */
public final class ScannerDrivers {

    private ScannerDrivers() {
    }

    /** {@code scanner=serial}: {@code scanner.port}, {@code scanner.baud} (default 9600). */
    public static final class Serial implements ScannerDriver {
        @Override
        public String name() {
            return "serial";
        }

        @Override
        public BarcodeScanner open(HardwareSettings settings, DriverContext context) {
            try {
                return new SerialBarcodeScanner(new SerialSettings(settings.require("scanner.port", "/dev/ttyACM0"),
                        settings.integer("scanner.baud", 9600)));
            } catch (IllegalArgumentException e) {
                throw settings.invalid("scanner.port/scanner.baud", e);
            }
        }
    }

    /** {@code scanner=keyboard}: a USB HID scanner typing into the kiosk page. */
    public static final class Keyboard implements ScannerDriver {
        @Override
        public String name() {
            return "keyboard";
        }

        @Override
        public BarcodeScanner open(HardwareSettings settings, DriverContext context) {
            return new KeyboardWedgeScanner();
        }
    }

    /** {@code scanner=simulated}: {@code scanner.fifo}, default {@code scanner.fifo} in the data folder. */
    public static final class Simulated implements ScannerDriver {
        @Override
        public String name() {
            return "simulated";
        }

        @Override
        public BarcodeScanner open(HardwareSettings settings, DriverContext context) {
            return new SimulatedScanner(settings.get("scanner.fifo").map(Path::of)
                    .orElse(context.dataDir().resolve("scanner.fifo")));
        }
    }
}
