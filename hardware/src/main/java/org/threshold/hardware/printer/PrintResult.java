package org.threshold.hardware.printer;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a print produced.
 *
 * @param cardImage absolute path of a picture of the card, when the printer makes one (the simulator);
 *                  empty for a real printer, whose card is in the operator's hand
 */
public record PrintResult(Optional<Path> cardImage) {

    public PrintResult {
        Objects.requireNonNull(cardImage, "cardImage");
    }

    public static PrintResult onPaper() {
        return new PrintResult(Optional.empty());
    }

    public static PrintResult imageAt(Path cardImage) {
        return new PrintResult(Optional.of(cardImage));
    }
}
