package org.threshold.hub.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@value #MAX_FAILURES} failed sign-ins per username in {@link #WINDOW}. Each attempt counts as a
 * failure from the moment it is admitted until it succeeds, so parallel guesses cannot slip past the limit
 * while their passwords are being checked. Kept in memory: a restart forgets it. Thread-safe.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    // Beyond this many usernames, forget those whose failures have all expired, so guessing many names
    // cannot grow the map without bound.
    private static final int SWEEP_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Admits an attempt (counting it as failed), or says how long to wait before the next one is admitted. */
    synchronized Optional<Duration> admit(String username) {
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(username, name -> new ArrayDeque<>());
        forgetExpired(recent, now);
        if (recent.size() >= MAX_FAILURES) {
            return Optional.of(Duration.between(now, recent.peekFirst().plus(WINDOW)));
        }
        recent.addLast(now);
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(times -> {
                forgetExpired(times, now);
                return times.isEmpty();
            });
        }
        return Optional.empty();
    }

    synchronized void succeeded(String username) {
        failures.remove(username);
    }

    private static void forgetExpired(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
