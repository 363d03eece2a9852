package org.threshold.kiosk.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the kiosk's sync in the background: push pending events, then pull the hub's updates; then waits the
 * interval if everything went through, or backs off ({@link Backoff}: exponential with jitter, the hub's
 * {@code Retry-After} honoured) if it did not. Runs never overlap: each schedules the next when it ends.
 * Nothing thrown by one run may end the schedule. After a restart nothing needs resuming by hand: the event
 * log says what is pending and the hub's acknowledgement where to go on.
 */
public final class SyncScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final SyncClient client;
    private final Optional<UpdatePuller> puller;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Backoff backoff;
    private int failures;

    public SyncScheduler(SyncClient client, Optional<UpdatePuller> puller, ScheduledExecutorService executor,
                         Duration interval, Backoff backoff) {
        if (interval.toMillis() <= 0) {
            throw new IllegalArgumentException("A sync interval must be at least a millisecond");
        }
        this.client = client;
        this.puller = puller;
        this.executor = executor;
        this.interval = interval;
        this.backoff = backoff;
    }

    /** Schedules the first run after one interval; shut the executor down to stop. */
    public void start() {
        schedule(interval);
    }

    private void schedule(Duration delay) {
        try {
            executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("Sync schedule ended: the kiosk is stopping");
        }
    }

    /** One run; returns the delay before the next. Visible for tests that drive the schedule by hand. */
    Duration runOnceAndPlan() {
        SyncReport report;
        try {
            report = client.syncNow();
        } catch (RuntimeException e) {
            LOG.error("Background sync failed; it runs again after a backoff", e);
            return backoff.afterFailures(++failures);
        }
        if (report.error() == null) {
            puller.ifPresent(this::pullQuietly);
        }
        if (report.error() == null) {
            if (report.sent() > 0) {
                LOG.info("Background sync: {} events acknowledged by the hub", report.acknowledged());
            }
            failures = 0;
            return interval;
        }
        failures++;
        LOG.warn("Background sync stopped short ({} in a row): {}", failures, report.error());
        return report.retryAfterSeconds() != null
                ? backoff.honouring(Duration.ofSeconds(report.retryAfterSeconds()), failures)
                : backoff.afterFailures(failures);
    }

    private void pullQuietly(UpdatePuller updates) {
        try {
            UpdatePuller.PullReport pull = updates.pull();
            if (pull.applied() > 0) {
                LOG.info("Applied {} updates from the hub (feed cursor {})", pull.applied(), pull.cursor());
            }
        } catch (RuntimeException e) {
            LOG.error("Applying the hub's updates failed; the same page is tried again at the next sync", e);
        }
    }

    private void runOnce() {
        schedule(runOnceAndPlan());
    }
}
