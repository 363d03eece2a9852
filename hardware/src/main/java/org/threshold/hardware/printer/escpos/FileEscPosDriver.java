package org.threshold.hardware.printer.escpos;

import java.nio.file.Path;
import org.threshold.hardware.DriverContext;
import org.threshold.hardware.HardwareSettings;
import org.threshold.hardware.printer.PrinterDriver;
import org.threshold.hardware.printer.TokenPrinter;

/**
 * {@code printer=escpos-file}: {@code printer.device}, e.g. {@code /dev/usb/lp0}. Status queries are on
 * for devices under {@code /dev} and off for plain files, which cannot answer.
 */
public final class FileEscPosDriver implements PrinterDriver {

    @Override
    public String name() {
        return "escpos-file";
    }

    @Override
    public TokenPrinter open(HardwareSettings settings, DriverContext context) {
        Path device = Path.of(settings.require("printer.device", "/dev/usb/lp0"));
        boolean status = settings.flag("printer.status", device.toAbsolutePath().startsWith("/dev"));
        return new EscPosPrinter(new DeviceFilePrinterPort(device), CardFormat.from(settings),
                settings.get("printer.model", "ESC/POS printer on USB"),
                status ? EscPosPrinter.StatusQueries.DEFAULT : EscPosPrinter.StatusQueries.NONE);
    }
}
