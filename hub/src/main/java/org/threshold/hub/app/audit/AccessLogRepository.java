package org.threshold.hub.app.audit;

import java.util.List;

/**
 * The append-only record of every read of personal data, and every attempt: who, when, what kind of read, how it
 * ended, which household if one was shown. It holds no personal data itself: no name, no token code.
 */
public interface AccessLogRepository {
    /** Appends the records in one statement batch, in their order. */
    void recordAll(List<AccessRecord> records);

    long count();

    /** The last {@code limit} records, newest first. */
    List<AccessRecord> latest(int limit);
}
