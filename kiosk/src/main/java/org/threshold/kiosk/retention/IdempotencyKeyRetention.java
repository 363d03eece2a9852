package org.threshold.kiosk.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.kiosk.store.RegistrationStore;

/**
 * Forgets {@code Idempotency-Key}s once they are older than the retention: long enough for any retry after a
 * crash (the page retries within minutes; a kiosk off for a weekend still gets its retry answered), short
 * enough that the table does not grow with every registration for ever. Runs at start and then every
 * {@link #INTERVAL}; {@link #forgetExpired()} is the whole job, so tests call it with a test clock.
 */
public final class IdempotencyKeyRetention {
    public static final Duration RETENTION = Duration.ofDays(7);
    public static final Duration INTERVAL = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyRetention.class);

    private final RegistrationStore store;
    private final Clock clock;

    public IdempotencyKeyRetention(RegistrationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Forgets every key stored more than {@link #RETENTION} ago; returns how many. */
    public int forgetExpired() {
        int forgotten = store.forgetIdempotencyKeysBefore(clock.instant().minus(RETENTION));
        if (forgotten > 0) {
            LOG.info("Forgot {} idempotency keys older than {}", forgotten, RETENTION);
        }
        return forgotten;
    }

    /** At once, then every {@link #INTERVAL}; a failure is logged and the next run tries again. */
    public void schedule(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                forgetExpired();
            } catch (RuntimeException e) {
                LOG.error("Forgetting old idempotency keys failed; it runs again in {}: {}", INTERVAL,
                        e.getClass().getName());
            }
        }, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }
}
