package org.threshold.hub.app.account;

import java.time.Instant;

/** Failed sign-ins per username in a window, in the database so that every hub instance counts the same ones. */
public interface LoginThrottleRepository {

    /** A username's failures in its current window, and when that window started. */
    record Failures(long count, Instant windowStart) {
    }

    /**
     * Counts one more failure for {@code username} in one atomic statement, starting a new window at {@code now}
     * if the current one started at or before {@code expiredBefore}; returns the count after it.
     */
    Failures countFailure(String username, Instant now, Instant expiredBefore);

    void clear(String username);
}
