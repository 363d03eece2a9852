package org.threshold.kiosk.sync;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sync every interval in the background. Fixed delay, so runs never overlap: a slow sync
 * pushes the next one back. Failures are recorded by the client and retried next time; nothing
 * thrown by one run may end the schedule.
 */
public final class SyncScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private SyncScheduler() {
    }

    /** Schedules syncs on {@code executor}; cancel the returned future, or shut the executor down, to stop them. */
    public static ScheduledFuture<?> schedule(SyncClient client, ScheduledExecutorService executor, Duration interval) {
        long millis = interval.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("A sync interval must be at least a millisecond");
        }
        return executor.scheduleWithFixedDelay(() -> syncQuietly(client), millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void syncQuietly(SyncClient client) {
        try {
            SyncReport report = client.syncNow();
            if (report.error() != null) {
                LOG.warn("Background sync stopped short: {}", report.error());
            } else if (report.sent() > 0) {
                LOG.info("Background sync: {} events acknowledged by the hub", report.acknowledged());
            }
        } catch (RuntimeException e) {
            LOG.error("Background sync failed; it runs again at the next interval", e);
        }
    }
}
