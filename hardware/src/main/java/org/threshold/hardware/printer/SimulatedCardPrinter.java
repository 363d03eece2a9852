package org.threshold.hardware.printer;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.threshold.hardware.DeviceInfo;

/**
 * Prints token cards as PNG files, for machines without a thermal printer. The image is the dots a
 * 58 mm printer would burn, so a phone can scan it from the screen. Thread-safe.
 */
public final class SimulatedCardPrinter implements TokenPrinter {

    private final Path outputFolder;

    public SimulatedCardPrinter(Path outputFolder) {
        this.outputFolder = Objects.requireNonNull(outputFolder, "outputFolder").toAbsolutePath();
    }

    @Override
    public PrintResult print(TokenCard card) {
        if (!Files.isDirectory(outputFolder)) {
            throw new PrinterException("The card folder " + outputFolder
                    + " does not exist or is not a folder. Create it, or start the kiosk with an existing"
                    + " folder for simulated cards, then reprint.");
        }
        BufferedImage image = CardRenderer.render(card);
        Path cardImage = outputFolder.resolve("card-" + card.shortCode().replace("-", "") + ".png");
        Path partial = null;
        try {
            // Written beside the card and moved into place, so nobody ever opens half a PNG.
            partial = Files.createTempFile(outputFolder, "card-", ".png.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                ImageIO.write(image, "png", out);
            }
            Files.move(partial, cardImage, ATOMIC_MOVE, REPLACE_EXISTING);
            return new PrintResult(cardImage);
        } catch (IOException e) {
            deleteIfPresent(partial, e);
            throw new PrinterException("Could not write the card into " + outputFolder + " (" + e
                    + "). Check that the folder is writable by the kiosk and the disk is not full, then reprint.",
                    e);
        }
    }

    @Override
    public DeviceInfo describe() {
        return new DeviceInfo("printer", "PNG card simulator", true, outputFolder.toString());
    }

    private static void deleteIfPresent(Path partial, IOException failure) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
