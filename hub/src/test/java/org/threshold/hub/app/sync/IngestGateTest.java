package org.threshold.hub.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestGateTest {
    private final IngestGate gate = new IngestGate(1, 0, Duration.ZERO, Duration.ofSeconds(1));

    @Test
    void quietAtOnceWhenNoBatchCame() throws InterruptedException {
        assertThat(millisToQuiet(Duration.ofSeconds(5))).isLessThan(IngestGate.SETTLE.toMillis());
    }

    @Test
    void aBatchInFlightHoldsBackUntilTheLimitEvenWithoutAPermit() throws InterruptedException {
        try (IngestGate.Permit arrival = gate.arriving()) {
            assertThat(millisToQuiet(Duration.ofMillis(300))).isBetween(290L, 3_000L);
        }
    }

    @Test
    void quietOnlyOnceTheLastBatchHasSettled() throws InterruptedException {
        gate.arriving().close();
        assertThat(millisToQuiet(Duration.ofSeconds(5))).isBetween(IngestGate.SETTLE.toMillis() - 10, 3_000L);
    }

    private long millisToQuiet(Duration max) throws InterruptedException {
        long start = System.nanoTime();
        gate.awaitQuiet(max);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
