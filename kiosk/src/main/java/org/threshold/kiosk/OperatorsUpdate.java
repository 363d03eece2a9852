package org.threshold.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.sync.UpdateListeners;

/**
 * Applies the operator list the hub signed: {@code operators.json} first, so a restart keeps it, then the
 * sessions. A failure throws, so the feed applies the page again next time; both steps are idempotent.
 */
final class OperatorsUpdate implements UpdateListeners.OperatorsListener {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorsUpdate.class);

    private final Path dataDir;
    private final OperatorSessions sessions;

    OperatorsUpdate(Path dataDir, OperatorSessions sessions) {
        this.dataDir = dataDir;
        this.sessions = sessions;
    }

    @Override
    public void operatorsChanged(List<OperatorRecord> operators) {
        if (operators.isEmpty()) {
            // Throwing would stall the feed, revocations included, until an operator is added; and a kiosk
            // with an empty operators.json refuses to start, so it could not hear that update either.
            LOG.error("The hub sent an empty operator list; keeping the current operators. "
                    + "Add an operator on the hub (`provision operators add`) to replace them.");
            return;
        }
        try {
            Enrollment.writeOperators(dataDir, operators);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not rewrite the operator list in " + dataDir, e);
        }
        sessions.replaceOperators(operators);
        LOG.info("Applied the hub's operator list: {} operators", operators.size());
    }
}
