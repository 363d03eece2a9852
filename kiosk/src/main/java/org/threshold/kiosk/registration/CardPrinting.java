package org.threshold.kiosk.registration;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.TokenId;
import org.threshold.hardware.printer.PrintResult;
import org.threshold.hardware.printer.PrinterException;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.hardware.printer.TokenPrinter;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.kiosk.store.RegistrationStore.StoredRegistration;
import org.threshold.kiosk.store.StoreException;

/**
 * Prints token cards for registrations that are already committed, and reprints them. A failure here
 * never undoes a registration: it is reported so the operator can fix the printer and reprint.
 * Thread-safe if the printer is.
 */
public final class CardPrinting {
    private static final Logger LOG = LoggerFactory.getLogger(CardPrinting.class);

    private final TokenPrinter printer;
    private final RegistrationStore store;
    private final KioskConfig config;

    public CardPrinting(TokenPrinter printer, RegistrationStore store, KioskConfig config) {
        this.printer = printer;
        this.store = store;
        this.config = config;
    }

    /** Reprints the card of a registration made on this kiosk; empty if the token is not one of ours. */
    public Optional<CardOutcome> reprint(TokenId token) {
        return store.findByToken(token.code()).map(this::reprint);
    }

    private CardOutcome reprint(StoredRegistration registration) {
        try {
            return print(IssuedToken.parseQr(registration.qr()));
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("A token this kiosk stored no longer parses: " + e.reason(), e);
        }
    }

    CardOutcome print(IssuedToken token) {
        TokenCard card = new TokenCard(token.id().shortCode(), token.qrPayload(), config.site(), token.issuedOn(),
                token.kioskId());
        PrintResult result;
        try {
            result = printer.print(card);
        } catch (PrinterException e) {
            // Printer messages are written for staff and hold no personal data.
            LOG.warn("Token card not printed: {}", e.getMessage());
            return CardOutcome.failed(e.getMessage() + " The registration is saved: reprint the card.");
        } catch (RuntimeException e) {
            LOG.error("Token card not printed: unexpected {}", e.getClass().getName());
            return CardOutcome.failed("The printer failed unexpectedly. The registration is saved: reprint the card,"
                    + " and if that fails too, restart the kiosk.");
        }
        try {
            store.markPrinted(token.id().code(), result.cardImage().orElse(null));
        } catch (StoreException e) {
            // The card is in the operator's hand; only the note that it was printed is missing.
            LOG.warn("Card printed, but not marked as printed: {}", e.getMessage());
        }
        return CardOutcome.printed(result.cardImage().orElse(null));
    }
}
