package org.threshold.hub.app.household;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.threshold.hub.app.Refusal;

/**
 * How many reads of personal data (token lookups, by the API or the lookup page) one account makes per window:
 * a caseworker at a distribution point scans a card every few seconds, while a stolen session or password
 * harvesting households reads far faster. Every lookup counts, found or not, so guessing codes is slowed too.
 *
 * <p>Kept in this instance's memory, by decision: a database counter would add a write, and a write lock on
 * SQLite, to every read, which contends with kiosks' ingest; the access log already records every read in the
 * database for audit, whichever instance served it. The cost is that behind a load balancer without sticky
 * sessions an account reads at most {@code limit} times the number of instances per window; that bound is
 * documented in docs/api.md. Windows are fixed (they start on multiples of {@code window}). Thread-safe.
 */
public final class ReadLimit {
    /** Counted per account; old windows are dropped once this many accounts are tracked. */
    private static final int PRUNE_AT = 10_000;

    private record Count(long window, int reads) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Count> counts = new ConcurrentHashMap<>();

    public ReadLimit(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("A read limit allows at least one read per window of at least 1 ms");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** 60 lookups a minute per account and instance. */
    public static ReadLimit perMinute(Clock clock) {
        return new ReadLimit(60, Duration.ofMinutes(1), clock);
    }

    /** Counts one read by {@code username}. @throws Refusal TRY_LATER {@code TOO_MANY_READS} over the limit */
    public void admit(String username) {
        long now = clock.millis();
        long current = Math.floorDiv(now, window.toMillis());
        if (counts.size() > PRUNE_AT) {
            counts.values().removeIf(count -> count.window() < current);
        }
        Count count = counts.merge(username, new Count(current, 1), (old, one) -> old.window() == current
                ? new Count(current, old.reads() + 1) : one);
        if (count.reads() > limit) {
            Duration wait = Duration.ofMillis((current + 1) * window.toMillis() - now);
            throw Refusal.tryLater("TOO_MANY_READS", "This account has looked up " + limit + " households in the "
                    + "last " + window.toSeconds() + " seconds, the most the hub allows. Wait for the Retry-After "
                    + "delay; if you did not make these lookups, tell the hub administrator.", wait);
        }
    }
}
