package org.threshold.hardware.printer.escpos;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hardware.printer.PrintResult;
import org.threshold.hardware.printer.TokenPrinter;
import org.threshold.hardware.printer.TokenPrinterContract;
import org.threshold.hardware.serial.SerialSettings;
import org.threshold.hardware.serial.VirtualSerialPair;

/** The ESC/POS driver on a real tty ({@code socat}) with a printer answering its status queries. */
class SerialPrinterContractTest extends TokenPrinterContract {

    @TempDir
    Path folder;

    private VirtualSerialPair pair;
    private FakeEscPosPrinter device;

    @Override
    protected TokenPrinter buildSubject() throws Exception {
        pair = VirtualSerialPair.start(folder);
        device = new FakeEscPosPrinter(new SerialSettings(pair.deviceEnd.toString(), 115_200),
                EscPosCard.encode(CARD, CardFormat.PAPER_58MM).length);
        return new EscPosPrinter(new SerialPrinterPort(new SerialSettings(pair.hostEnd.toString(), 115_200)),
                CardFormat.PAPER_58MM, "ESC/POS on serial", SerialPrinterTest.QUICK);
    }

    @Override
    protected TokenPrinter buildUnreachableSubject() {
        return new EscPosPrinter(new SerialPrinterPort(new SerialSettings(folder.resolve("ttyUSB9").toString(),
                115_200)), CardFormat.PAPER_58MM, "ESC/POS on serial", SerialPrinterTest.QUICK);
    }

    @Override
    protected BufferedImage paperOut(PrintResult result) throws Exception {
        return EscPosRasteriser.render(device.cardReceived(), CardFormat.PAPER_58MM_DOTS);
    }

    @AfterEach
    void unplug() throws Exception {
        if (device != null) {
            device.close();
        }
        if (pair != null) {
            pair.close();
        }
    }
}
