package org.threshold.hub.app.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins per key ({@code source:<address>} or {@code account:<username>}), in the database so that every
 * hub instance counts the same ones.
 */
public interface SignInThrottleRepository {

    /** A key's failures since its count last started, and the latest of them. */
    record Failures(long count, Instant lastFailure) {
    }

    /**
     * Counts one more failure for {@code key} in one atomic statement, starting again from one if the last failure
     * was at or before {@code forgetBefore}.
     */
    void countFailure(String key, Instant now, Instant forgetBefore);

    Optional<Failures> failures(String key);

    /** Takes back one counted failure (an attempt counted on admission that turned out right). */
    void forgive(String key);

    void clear(String key);
}
