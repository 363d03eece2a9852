package org.threshold.kiosk.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps "online" in the status bar true between syncs: asks the {@link HubProbe} every {@link #INTERVAL} while
 * the hub answers, and after a failure sooner at first, then less often ({@link Backoff}, capped at
 * {@link #MAX_BACKOFF}), so a hub that goes or comes back shows within about ten seconds without a kiosk
 * hammering a hub that is down. Probes never overlap: each schedules the next when it ends.
 */
public final class HubHealthWatch {
    public static final Duration INTERVAL = Duration.ofSeconds(5);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    private static final Logger LOG = LoggerFactory.getLogger(HubHealthWatch.class);

    private final HubProbe probe;
    private final ConnectionState state;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Backoff backoff;
    private int failures;

    /** @param sync whose connection state the status page shows, which the probes keep up to date */
    public HubHealthWatch(HubProbe probe, SyncClient sync, Clock clock, ScheduledExecutorService executor,
                          java.util.Random random) {
        this(probe, sync.connectionState(), clock, executor, new Backoff(Duration.ofSeconds(1), MAX_BACKOFF, random));
    }

    HubHealthWatch(HubProbe probe, ConnectionState state, Clock clock, ScheduledExecutorService executor,
                   Backoff backoff) {
        this.probe = probe;
        this.state = state;
        this.clock = clock;
        this.executor = executor;
        this.backoff = backoff;
    }

    /** Schedules the first probe after one interval; shut the executor down to stop. */
    public void start() {
        schedule(INTERVAL);
    }

    /** One probe; returns the delay before the next. Visible for tests that drive the watch by hand. */
    Duration probeOnceAndPlan() {
        boolean answered;
        try {
            answered = probe.answers();
        } catch (RuntimeException e) {
            LOG.warn("The hub health probe failed unexpectedly: {}", e.getClass().getName());
            answered = false;
        }
        if (answered) {
            state.contact(clock.instant());
            if (failures > 0) {
                LOG.info("The hub answers again after {} failed probes", failures);
            }
            failures = 0;
            return INTERVAL;
        }
        state.unreachable();
        if (failures++ == 0) {
            LOG.warn("The hub does not answer; probing with backoff up to {}", MAX_BACKOFF);
        }
        return backoff.afterFailures(failures);
    }

    private void schedule(Duration delay) {
        try {
            executor.schedule(() -> schedule(probeOnceAndPlan()), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("Hub health probes ended: the kiosk is stopping");
        }
    }
}
