package org.threshold.kiosk.sync;

import java.time.Duration;
import java.util.Random;

/**
 * How long to wait before the next sync after failures: exponential from {@code initial}, capped at
 * {@code max}, with "equal jitter" (half the delay fixed, half random) so a hundred kiosks that lost the hub
 * together do not all come back in the same second. A hub's {@code Retry-After} is honoured as a floor.
 * Thread-safe if {@code random} is.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final Random random;

    public Backoff(Duration initial, Duration max, Random random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("A backoff needs 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failures} failures in a row (1 for the first). */
    public Duration afterFailures(int failures) {
        long cap = max.toMillis();
        long delay = initial.toMillis();
        for (int i = 1; i < failures && delay < cap; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, cap);
        long half = delay / 2;
        return Duration.ofMillis(delay - half + (half == 0 ? 0 : (long) (random.nextDouble() * (half + 1))));
    }

    /** At least what the hub asked for, plus up to a quarter more so waiting kiosks spread out. */
    public Duration honouring(Duration retryAfter, int failures) {
        long asked = retryAfter.toMillis();
        long jittered = asked + (long) (random.nextDouble() * (asked / 4 + 1));
        return Duration.ofMillis(Math.max(jittered, Math.min(afterFailures(failures).toMillis(), asked * 4)));
    }
}
