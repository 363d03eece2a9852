package org.threshold.hub.app.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * The append-only record of every read of personal data: who, when, what kind of read, which household.
 * It holds no personal data itself: no name, no token code.
 */
public interface AccessLogRepository {
    void record(Instant at, String username, String action, UUID householdId);

    long count();
}
