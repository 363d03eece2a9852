package org.threshold.kiosk.session;

import java.time.Instant;
import java.util.Optional;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.kiosk.localdata.LocalDataKey;

/**
 * An unlocked shift of one operator. Holds the local data key, if the operator has one, until the
 * session locks. Thread-safe.
 */
public final class OperatorSession {
    private final OperatorRecord operator;
    private final LocalDataKey localKey;
    private volatile Instant lastSeen;

    OperatorSession(OperatorRecord operator, LocalDataKey localKey, Instant unlockedAt) {
        this.operator = operator;
        this.localKey = localKey;
        this.lastSeen = unlockedAt;
    }

    public String operatorName() {
        return operator.name();
    }

    OperatorRecord operator() {
        return operator;
    }

    public OperatorRecord.Role role() {
        return operator.role();
    }

    /** Empty when the kiosk's local data key was never wrapped for this operator. */
    public Optional<LocalDataKey> localKey() {
        return Optional.ofNullable(localKey);
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        lastSeen = now;
    }

    void destroyKey() {
        if (localKey != null) {
            localKey.destroy();
        }
    }

    @Override
    public String toString() {
        return "OperatorSession[" + operator.name() + "]";
    }
}
