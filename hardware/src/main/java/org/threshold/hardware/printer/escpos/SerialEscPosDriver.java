package org.threshold.hardware.printer.escpos;

import org.threshold.hardware.DriverContext;
import org.threshold.hardware.HardwareSettings;
import org.threshold.hardware.printer.PrinterDriver;
import org.threshold.hardware.printer.TokenPrinter;
import org.threshold.hardware.serial.SerialSettings;

/** {@code printer=escpos-serial}: {@code printer.port}, {@code printer.baud} (default 19200). */
public final class SerialEscPosDriver implements PrinterDriver {

    @Override
    public String name() {
        return "escpos-serial";
    }

    @Override
    public TokenPrinter open(HardwareSettings settings, DriverContext context) {
        SerialSettings serial;
        try {
            serial = new SerialSettings(settings.require("printer.port", "/dev/ttyUSB0"),
                    settings.integer("printer.baud", 19_200));
        } catch (IllegalArgumentException e) {
            throw settings.invalid("printer.port/printer.baud", e);
        }
        boolean status = settings.flag("printer.status", true);
        return new EscPosPrinter(new SerialPrinterPort(serial), CardFormat.from(settings),
                settings.get("printer.model", "ESC/POS printer on a serial line"),
                status ? EscPosPrinter.StatusQueries.DEFAULT : EscPosPrinter.StatusQueries.NONE);
    }
}
