package org.threshold.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration INITIAL = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(5);

    /** A Random that always draws the same double, so the jitter's ends can be reached exactly. */
    private static Random drawing(double value) {
        return new Random() {
            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void theWaitDoublesWithEachFailureUntilTheCap() {
        Backoff lowest = new Backoff(INITIAL, MAX, drawing(0.0));

        assertThat(lowest.afterFailures(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(lowest.afterFailures(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(lowest.afterFailures(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(lowest.afterFailures(8)).isEqualTo(Duration.ofSeconds(128));
        assertThat(lowest.afterFailures(9)).as("256 s is capped at 300 s, half of it fixed")
                .isEqualTo(Duration.ofSeconds(150));
        assertThat(lowest.afterFailures(1_000)).as("no overflow however long the hub is gone")
                .isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void jitterSpreadsEachWaitOverItsUpperHalf() {
        Backoff highest = new Backoff(INITIAL, MAX, drawing(Math.nextDown(1.0)));

        assertThat(highest.afterFailures(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(highest.afterFailures(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(highest.afterFailures(1_000)).isEqualTo(MAX);
    }

    @Test
    void everyWaitStaysWithinHalfToAllOfItsDelay() {
        Backoff backoff = new Backoff(INITIAL, MAX, new Random(42));
        for (int failures = 1; failures <= 20; failures++) {
            long delay = Math.min(INITIAL.toMillis() << Math.min(failures - 1, 30), MAX.toMillis());
            for (int draw = 0; draw < 200; draw++) {
                assertThat(backoff.afterFailures(failures).toMillis()).isBetween(delay / 2, delay);
            }
        }
    }

    @Test
    void kiosksThatFailTogetherDoNotAllComeBackTogether() {
        Backoff backoff = new Backoff(INITIAL, MAX, new Random(7));
        long distinct = IntStream.range(0, 100)
                .mapToObj(kiosk -> backoff.afterFailures(6)).distinct().count();

        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void theHubsRetryAfterIsAFloorWithAtMostAQuarterMore() {
        Backoff lowest = new Backoff(INITIAL, MAX, drawing(0.0));
        Backoff highest = new Backoff(INITIAL, MAX, drawing(Math.nextDown(1.0)));

        assertThat(lowest.honouring(Duration.ofSeconds(10), 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(highest.honouring(Duration.ofSeconds(10), 1).toMillis()).isBetween(10_000L, 12_501L);
        assertThat(lowest.honouring(Duration.ofSeconds(10), 1_000))
                .as("after many failures the backoff, if longer, wins, but never beyond four times what was asked")
                .isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void aBackoffThatCouldNotWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(MAX, INITIAL, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
