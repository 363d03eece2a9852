package org.threshold.kiosk.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.RegistrationStore;

/**
 * Crypto-shredding after sync: once the hub has acknowledged an event and the retention window has
 * passed since the kiosk learnt of it, the household's local copy and its name index entries are
 * deleted ({@code secure_delete} zeroes the pages) and the write-ahead log is checkpointed and
 * truncated. Lookup by token then answers "synced to the hub". Runs on the kiosk's scheduler with its
 * clock; {@link #shredDue()} is the whole job, so tests call it with a test clock. Thread-safe.
 */
public final class Shredder {
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(72);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(Shredder.class);

    private final KioskDatabase database;
    private final RegistrationStore store;
    private final Clock clock;
    private final Duration retention;

    public Shredder(KioskDatabase database, RegistrationStore store, Clock clock, Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("The retention window cannot be negative");
        }
        this.database = database;
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /** Shreds every local copy that is due; returns how many. */
    public int shredDue() {
        Instant now = clock.instant();
        int shredded = store.shredAcknowledged(now, now.minus(retention));
        if (shredded > 0) {
            database.checkpoint();
            LOG.info("Shredded {} local copies synced to the hub more than {} ago", shredded, retention);
        }
        return shredded;
    }

    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Duration interval) {
        long millis = interval.toMillis();
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                shredDue();
            } catch (RuntimeException e) {
                LOG.error("Shredding failed; it runs again in {}: {}", interval, e.getClass().getName());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }
}
