package org.threshold.hardware.printer;

import org.threshold.hardware.DriverContext;
import org.threshold.hardware.HardwareSettings;
import org.threshold.hardware.printer.escpos.CardFormat;

/** {@code printer=simulated}: ESC/POS files and their PNG pictures in the kiosk's cards folder. */
public final class SimulatedPrinterDriver implements PrinterDriver {

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public TokenPrinter open(HardwareSettings settings, DriverContext context) {
        return new SimulatedCardPrinter(context.cardsFolder(), CardFormat.from(settings));
    }
}
