package org.threshold.kiosk.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows passphrase guessing per operator. People mistype, so the fifth wrong passphrase in a row
 * is the first to lock the operator out: for one minute, doubling with each further wrong one up to
 * fifteen. A correct passphrase clears the count. Not thread-safe: {@link OperatorSessions} holds its lock around every call.
 */
final class LoginThrottle {
    private static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_LOCKOUT = Duration.ofMinutes(1);
    private static final Duration LONGEST_LOCKOUT = Duration.ofMinutes(15);

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new HashMap<>();

    /** How long the operator must still wait, if they are locked out. */
    Optional<Duration> lockedFor(String operator, Instant now) {
        Failures current = failures.get(operator);
        if (current == null || current.lockedUntil() == null || !now.isBefore(current.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.lockedUntil()));
    }

    void failed(String operator, Instant now) {
        int count = failures.getOrDefault(operator, new Failures(0, null)).count() + 1;
        Instant lockedUntil = null;
        if (count >= FREE_ATTEMPTS) {
            int doublings = Math.min(count - FREE_ATTEMPTS, 4);
            Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
            lockedUntil = now.plus(lockout.compareTo(LONGEST_LOCKOUT) > 0 ? LONGEST_LOCKOUT : lockout);
        }
        failures.put(operator, new Failures(count, lockedUntil));
    }

    void succeeded(String operator) {
        failures.remove(operator);
    }
}
