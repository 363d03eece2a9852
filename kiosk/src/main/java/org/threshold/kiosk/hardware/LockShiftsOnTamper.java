package org.threshold.kiosk.hardware;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.kiosk.session.OperatorSessions;

/**
 * Locks every open shift, which drops the local data key from memory: someone who opened the case
 * finds a kiosk that asks for a passphrase. Thread-safe.
 */
public final class LockShiftsOnTamper implements TamperResponse {
    private static final Logger LOG = LoggerFactory.getLogger(LockShiftsOnTamper.class);

    private final OperatorSessions sessions;

    public LockShiftsOnTamper(OperatorSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void caseOpened() {
        sessions.lockAll();
        LOG.warn("Tamper switch opened: every shift is locked");
    }
}
