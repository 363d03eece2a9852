package org.threshold.hardware.printer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a print produced.
 *
 * @param cardImage absolute path of the rendered card
 */
public record PrintResult(Path cardImage) {

    public PrintResult {
        Objects.requireNonNull(cardImage, "cardImage");
    }
}
