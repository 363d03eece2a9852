package org.threshold.hardware.printer.escpos;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hardware.printer.PrintResult;
import org.threshold.hardware.printer.TokenPrinter;
import org.threshold.hardware.printer.TokenPrinterContract;

/** The ESC/POS driver writing to a device file, as to /dev/usb/lp0; a plain file cannot answer statuses. */
class DeviceFilePrinterContractTest extends TokenPrinterContract {

    @TempDir
    Path folder;

    @Override
    protected TokenPrinter buildSubject() throws Exception {
        return printerAt(Files.createFile(folder.resolve("lp0")));
    }

    @Override
    protected TokenPrinter buildUnreachableSubject() {
        return printerAt(folder.resolve("unplugged").resolve("lp0"));
    }

    private static TokenPrinter printerAt(Path device) {
        return new EscPosPrinter(new DeviceFilePrinterPort(device), CardFormat.PAPER_58MM, "ESC/POS on USB",
                EscPosPrinter.StatusQueries.NONE);
    }

    @Override
    protected BufferedImage paperOut(PrintResult result) throws Exception {
        return EscPosRasteriser.render(Files.readAllBytes(folder.resolve("lp0")), CardFormat.PAPER_58MM_DOTS);
    }
}
