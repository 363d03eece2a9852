package org.threshold.kiosk.hardware;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.token.TokenId;
import org.threshold.kiosk.registration.CardOutcome;
import org.threshold.kiosk.registration.CardPrinting;
import org.threshold.kiosk.registration.HouseholdActions;
import org.threshold.kiosk.session.OperatorSession;
import org.threshold.kiosk.session.OperatorSessions;

/**
 * The desk's reprint button: reprints the last card through the same use case as
 * {@code POST /api/households/{code}/reprint}, so the reprint is an event in the chain and needs a supervisor.
 * The button carries no credentials, so it acts for the operator at the screen (the live session used last):
 * a reception operator's press, or a press with every shift locked, is refused and prints nothing.
 */
public final class ReprintButton {
    private static final Logger LOG = LoggerFactory.getLogger(ReprintButton.class);

    private final OperatorSessions sessions;
    private final HouseholdActions actions;
    private final CardPrinting cards;

    public enum Result {
        PRINTED,
        NOT_PRINTED,
        /** No card was printed since the kiosk started, or its household is no longer here. */
        NOTHING_TO_REPRINT,
        /** Nobody is at the screen, or it is not a supervisor: nothing printed, nothing recorded. */
        REFUSED
    }

    public ReprintButton(OperatorSessions sessions, HouseholdActions actions, CardPrinting cards) {
        this.sessions = sessions;
        this.actions = actions;
        this.cards = cards;
    }

    public Result pressed() {
        Optional<OperatorSession> operator = sessions.atTheScreen()
                .filter(session -> session.role() == OperatorRecord.Role.SUPERVISOR);
        if (operator.isEmpty()) {
            LOG.info("Reprint button refused: no supervisor is unlocked at the screen");
            return Result.REFUSED;
        }
        Optional<TokenId> last = cards.lastCard();
        if (last.isEmpty()) {
            return Result.NOTHING_TO_REPRINT;
        }
        Optional<CardOutcome> outcome;
        try {
            outcome = actions.reprint(last.get(), operator.get().operatorName());
        } catch (HouseholdActions.TokenRevokedException e) {
            return Result.NOTHING_TO_REPRINT;
        }
        Result result = outcome.map(card -> card.printed() ? Result.PRINTED : Result.NOT_PRINTED)
                .orElse(Result.NOTHING_TO_REPRINT);
        LOG.info("Reprint button: {}", result);
        return result;
    }
}
