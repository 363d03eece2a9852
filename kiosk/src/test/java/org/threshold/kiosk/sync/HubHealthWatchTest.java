package org.threshold.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.threshold.core.testing.TestClock;

/** How often the watch asks: every interval while the hub answers, backing off (bounded) while it does not. */
class HubHealthWatchTest {

    @Test
    void probesEveryIntervalWhileTheHubAnswersAndBacksOffBoundedWhileItDoesNot() {
        AtomicBoolean up = new AtomicBoolean(true);
        ConnectionState state = new ConnectionState();
        ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
        try {
            HubHealthWatch watch = new HubHealthWatch(up::get, state, new TestClock(), unused,
                    new Backoff(Duration.ofSeconds(1), HubHealthWatch.MAX_BACKOFF, new Random(7)));

            assertThat(watch.probeOnceAndPlan()).isEqualTo(HubHealthWatch.INTERVAL);
            assertThat(state.snapshot().online()).isTrue();

            up.set(false);
            Duration first = watch.probeOnceAndPlan();
            assertThat(state.snapshot().online()).isFalse();
            assertThat(first).isLessThanOrEqualTo(Duration.ofSeconds(1));
            for (int i = 0; i < 20; i++) {
                assertThat(watch.probeOnceAndPlan()).isLessThanOrEqualTo(HubHealthWatch.MAX_BACKOFF);
            }

            up.set(true);
            assertThat(watch.probeOnceAndPlan()).isEqualTo(HubHealthWatch.INTERVAL);
            assertThat(state.snapshot().online()).isTrue();
        } finally {
            unused.shutdownNow();
        }
    }

    @Test
    void aProbeThatThrowsCountsAsNoAnswer() {
        ConnectionState state = new ConnectionState();
        state.contact(TestClock.START);
        HubHealthWatch watch = new HubHealthWatch(() -> {
            throw new IllegalStateException("boom");
        }, state, new TestClock(), null, new Backoff(Duration.ofSeconds(1), HubHealthWatch.MAX_BACKOFF, new Random()));

        assertThat(watch.probeOnceAndPlan()).isLessThanOrEqualTo(HubHealthWatch.MAX_BACKOFF);
        assertThat(state.snapshot().online()).isFalse();
    }
}
