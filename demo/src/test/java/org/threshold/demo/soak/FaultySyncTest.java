package org.threshold.demo.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 events through a network that drops, delays, truncates, fails and replays a third of all requests:
 * the hub ends with exactly the kiosk's events. {@link SyncSoak#main} runs the same with 10,000.
 */
class FaultySyncTest {
    @TempDir
    Path data;

    @Test
    void everyEventArrivesExactlyOnceWhateverTheNetworkDoes() throws Exception {
        SyncSoak.Outcome outcome = SyncSoak.run(data, 1_000, 0.35, 20261124L, 10);

        assertThat(outcome.hub()).as("hub holds exactly the kiosk's events; faults: " + outcome.faults())
                .hasSize(1_000)
                .containsExactlyElementsOf(outcome.kiosk());
        assertThat(outcome.hub().stream().map(PendingEvents.Held::eventId).distinct()).hasSize(1_000);
        assertThat(PendingEvents.pending(data.resolve("kiosk"))).isZero();
        assertThat(outcome.faults()).doesNotContain("drop_request=0").doesNotContain("replay=0")
                .doesNotContain("truncate_response=0").doesNotContain("drop_response=0");
    }
}
