package org.threshold.kiosk.registration;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.i18n.Phrase;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.hardware.printer.PrintResult;
import org.threshold.hardware.printer.PrinterException;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.hardware.printer.TokenPrinter;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.kiosk.store.StoreException;

/**
 * Prints token cards for registrations that are already committed, and reprints them. A failure here
 * never undoes a registration: it is reported so the operator can fix the printer and reprint.
 *
 * <p>No card is printed twice by accident: nothing here retries, a card is marked printed in the store
 * once it is out, a reprint is always an operator's request, and a request for a card that is printing
 * right now (a double tap, the button and the screen at once) is refused rather than queued.
 * Thread-safe if the printer is.
 */
public final class CardPrinting {
    private static final Logger LOG = LoggerFactory.getLogger(CardPrinting.class);

    private final TokenPrinter printer;
    private final RegistrationStore store;
    private final KioskConfig config;
    private final Observer observer;
    private final Set<String> printing = ConcurrentHashMap.newKeySet();
    private final AtomicReference<IssuedToken> lastCard = new AtomicReference<>();

    public CardPrinting(TokenPrinter printer, RegistrationStore store, KioskConfig config, Observer observer) {
        this.printer = printer;
        this.store = store;
        this.config = config;
        this.observer = observer;
    }

    public CardPrinting(TokenPrinter printer, RegistrationStore store, KioskConfig config) {
        this(printer, store, config, Observer.NONE);
    }

    /** Hears about every card, for lights and buzzer. Called on the printing thread. */
    public interface Observer {
        void printing();

        void printed();

        /** @param problem the operator's message */
        void printFailed(Phrase problem);

        Observer NONE = new Observer() {
            @Override
            public void printing() {
            }

            @Override
            public void printed() {
            }

            @Override
            public void printFailed(Phrase problem) {
            }
        };
    }

    /** The token of the last card this kiosk printed or tried to print since it started; empty if none. */
    public Optional<TokenId> lastCard() {
        return Optional.ofNullable(lastCard.get()).map(IssuedToken::id);
    }

    CardOutcome print(IssuedToken token) {
        return print(token, false);
    }

    /** @param copy a reprint: the card says COPY */
    CardOutcome print(IssuedToken token, boolean copy) {
        String code = token.id().code();
        if (!printing.add(code)) {
            return CardOutcome.failed(Phrase.of("print.busy"));
        }
        try {
            lastCard.set(token);
            observer.printing();
            CardOutcome outcome = printOnce(token, copy);
            if (outcome.printed()) {
                observer.printed();
            } else {
                observer.printFailed(outcome.problem());
            }
            return outcome;
        } finally {
            printing.remove(code);
        }
    }

    private CardOutcome printOnce(IssuedToken token, boolean copy) {
        TokenCard card = new TokenCard(token.id().shortCode(), token.qrPayload(), config.site(), token.issuedOn(),
                token.kioskId(), copy);
        PrintResult result;
        try {
            result = printer.print(card);
        } catch (PrinterException e) {
            // Printer messages are written for staff and hold no personal data; the log keeps their detail (the
            // port, the device's answer), the operator gets what to do in their language.
            LOG.warn("Token card not printed ({}): {}", e.fault(), e.getMessage());
            return CardOutcome.failed(Phrase.of("print.fault." + e.fault().name()));
        } catch (RuntimeException e) {
            LOG.error("Token card not printed: unexpected {}", e.getClass().getName());
            return CardOutcome.failed(Phrase.of("print.unexpected"));
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
