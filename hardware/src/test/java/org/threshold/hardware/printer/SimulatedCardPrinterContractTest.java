package org.threshold.hardware.printer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;

class SimulatedCardPrinterContractTest extends TokenPrinterContract {

    @TempDir
    Path folder;

    @Override
    protected TokenPrinter buildSubject() {
        return new SimulatedCardPrinter(folder);
    }

    @Override
    protected TokenPrinter buildUnreachableSubject() {
        return new SimulatedCardPrinter(folder.resolve("missing"));
    }

    @Override
    protected BufferedImage paperOut(PrintResult result) throws Exception {
        return ImageIO.read(result.cardImage().orElseThrow().toFile());
    }
}
