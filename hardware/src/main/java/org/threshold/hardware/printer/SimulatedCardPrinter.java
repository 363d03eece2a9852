package org.threshold.hardware.printer;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.threshold.hardware.DeviceInfo;
import org.threshold.hardware.printer.escpos.CardFormat;
import org.threshold.hardware.printer.escpos.EscPosCard;
import org.threshold.hardware.printer.escpos.EscPosRasteriser;

/**
 * Prints token cards into a folder, for machines without a thermal printer: {@code card-CODE.escpos}
 * holds the exact bytes a real printer would receive, and {@code card-CODE.png} is those bytes put on
 * paper by {@link EscPosRasteriser}, so a phone can scan the card from the screen and what it scans is
 * what the printer would print. Thread-safe.
 */
public final class SimulatedCardPrinter implements TokenPrinter {

    private final Path outputFolder;
    private final CardFormat format;

    public SimulatedCardPrinter(Path outputFolder, CardFormat format) {
        this.outputFolder = Objects.requireNonNull(outputFolder, "outputFolder").toAbsolutePath();
        this.format = Objects.requireNonNull(format, "format");
    }

    public SimulatedCardPrinter(Path outputFolder) {
        this(outputFolder, CardFormat.PAPER_58MM);
    }

    @Override
    public PrintResult print(TokenCard card) {
        if (!Files.isDirectory(outputFolder)) {
            throw new PrinterException(PrinterException.Fault.OUTPUT_UNWRITABLE, "The card folder " + outputFolder
                    + " does not exist or is not a folder. Create it, or start the kiosk with an existing"
                    + " folder for simulated cards, then reprint.");
        }
        byte[] escPos = EscPosCard.encode(card, format);
        BufferedImage paper = EscPosRasteriser.render(escPos, format.widthDots());
        String name = "card-" + card.shortCode().replace("-", "");
        Path cardImage = outputFolder.resolve(name + ".png");
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(paper, "png", png);
            writeAtomically(outputFolder.resolve(name + ".escpos"), escPos);
            writeAtomically(cardImage, png.toByteArray());
            return PrintResult.imageAt(cardImage);
        } catch (IOException e) {
            throw new PrinterException(PrinterException.Fault.OUTPUT_UNWRITABLE, "Could not write the card into " + outputFolder + " (" + e
                    + "). Check that the folder is writable by the kiosk and the disk is not full, then reprint.",
                    e);
        }
    }

    @Override
    public DeviceInfo describe() {
        return new DeviceInfo("printer", "ESC/POS simulator (" + format.widthDots() + " dots, QR "
                + format.qrMode().name().toLowerCase(java.util.Locale.ROOT) + ")", true, outputFolder.toString());
    }

    /** Written beside the target and moved into place, so nobody ever opens half a file. */
    private void writeAtomically(Path target, byte[] content) throws IOException {
        Path partial = Files.createTempFile(outputFolder, "card-", ".part");
        try {
            Files.write(partial, content);
            Files.move(partial, target, ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
