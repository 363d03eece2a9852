package org.threshold.kiosk.registration;

import java.nio.file.Path;
import org.threshold.core.i18n.Phrase;

/**
 * What became of a token card: where its image is, or why it was not printed and what to do.
 *
 * @param card    the picture of the card a simulated printer made; null for a real printer, or when
 *                nothing was printed
 * @param problem for the operator, in their language when shown, when {@code printed} is false; null otherwise
 */
public record CardOutcome(Path card, boolean printed, Phrase problem) {
    static CardOutcome printed(Path card) {
        return new CardOutcome(card, true, null);
    }

    static CardOutcome failed(Phrase problem) {
        return new CardOutcome(null, false, problem);
    }
}
