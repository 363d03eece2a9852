package org.threshold.hardware;

import java.nio.file.Files;
import java.util.List;
import org.threshold.hardware.gpio.GpioDevices;
import org.threshold.hardware.gpio.GpioDriver;
import org.threshold.hardware.printer.PrinterDriver;
import org.threshold.hardware.printer.TokenPrinter;
import org.threshold.hardware.scanner.BarcodeScanner;
import org.threshold.hardware.scanner.ScannerDriver;

/**
 * Every device a kiosk has, opened by the drivers its settings name:
 * {@code printer} (default {@code simulated}), {@code scanner} (default {@code keyboard}: a wedge scanner
 * or the keyboard itself; the named-pipe simulator is opt-in because a pipe blocks whoever reads it) and
 * {@code gpio} (default {@code pi4j} on a Raspberry Pi, {@code simulated} elsewhere). Closing it
 * releases them all.
 */
public final class Hardware implements AutoCloseable {

    private final TokenPrinter printer;
    private final BarcodeScanner scanner;
    private final GpioDevices gpio;

    private Hardware(TokenPrinter printer, BarcodeScanner scanner, GpioDevices gpio) {
        this.printer = printer;
        this.scanner = scanner;
        this.gpio = gpio;
    }

    /** @throws HardwareException naming the setting to fix */
    public static Hardware open(HardwareSettings settings, DriverContext context) {
        TokenPrinter printer = DeviceDriver.named(PrinterDriver.class, "printer",
                settings.get("printer", "simulated")).open(settings, context);
        GpioDevices gpio = DeviceDriver.named(GpioDriver.class, "gpio",
                settings.get("gpio", onRaspberryPi() ? "pi4j" : "simulated")).open(settings, context);
        try {
            BarcodeScanner scanner = DeviceDriver.named(ScannerDriver.class, "scanner",
                    settings.get("scanner", "keyboard")).open(settings, context);
            return new Hardware(printer, scanner, gpio);
        } catch (RuntimeException e) {
            gpio.close();
            throw e;
        }
    }

    private static boolean onRaspberryPi() {
        try {
            return Files.readString(GpioDevices.DEVICE_TREE_MODEL).contains("Raspberry Pi");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public TokenPrinter printer() {
        return printer;
    }

    public BarcodeScanner scanner() {
        return scanner;
    }

    public GpioDevices gpio() {
        return gpio;
    }

    /** What each port is backed by, real or simulated, for the status page. */
    public List<DeviceInfo> describe() {
        return List.of(printer.describe(), scanner.describe(), gpio.describe());
    }

    @Override
    public void close() {
        scanner.close();
        gpio.close();
    }
}
