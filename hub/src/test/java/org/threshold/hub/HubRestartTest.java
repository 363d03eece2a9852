package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.SignedEvent;

class HubRestartTest {
    @TempDir
    Path dataDir;
    private HubFixture hub;

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void headsHouseholdsAndAccountsSurviveARestart() {
        hub = HubFixture.start(dataDir);
        TestKiosk.Registration registration = hub.kiosk.register();
        List<SignedEvent> more = hub.kiosk.registerMany(2);
        hub.client().sync("KIOSK-01", List.of(registration.event()));
        hub.client().sync("KIOSK-01", more);
        String code = registration.token().id().shortCode();
        assertThat(hub.client().lookUp(code, hub.client().sessionToken()).status()).isEqualTo(200);

        hub.restart();

        HubClient.Response ack = hub.client().sync("KIOSK-01", List.of());
        assertThat(ack.json().at("/ack/sequence").asLong()).isEqualTo(3);
        HubClient.Response resent = hub.client().sync("KIOSK-01", more);
        assertThat(resent.json().get("duplicates").asInt()).isEqualTo(2);
        HubClient.Response lookup = hub.client().lookUp(code, hub.client().sessionToken());
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().at("/household/members/0/givenName").asText()).isEqualTo(TestKiosk.ARABIC_GIVEN_NAME);
        // The bootstrap admin and the fixture's protection officer, each once.
        assertThat(hub.count("users")).isEqualTo(2);
    }

    @Test
    void projectionResumesFromItsPersistedCursorAfterARestart() {
        hub = HubFixture.start(dataDir);
        hub.client().sync("KIOSK-01", hub.kiosk.registerMany(5));
        hub.stopHub();
        // As if the hub had stopped before projecting anything: events stored, read model empty.
        hub.execute("DELETE FROM households");
        hub.execute("UPDATE projection_cursors SET position = 0");

        hub.startHub();

        // No lookup here: that would catch up on the caller's thread. The background worker must do it alone.
        assertThat(pollUntilHouseholds(5)).isEqualTo(5);
    }

    @Test
    void projectingTheSameEventsAgainChangesNothing() {
        hub = HubFixture.start(dataDir);
        TestKiosk.Registration registration = hub.kiosk.register();
        hub.client().sync("KIOSK-01", List.of(registration.event()));
        assertThat(hub.client().lookUp(registration.token().id().shortCode(), hub.client().sessionToken()).status())
                .isEqualTo(200);
        hub.stopHub();
        hub.execute("UPDATE projection_cursors SET position = 0");

        hub.startHub();

        HubClient.Response lookup = hub.client().lookUp(registration.token().id().shortCode(),
                hub.client().sessionToken());
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(hub.count("households")).isEqualTo(1);
        assertThat(hub.count("projection_failures")).isZero();
        // The households cursor: the report backfill keeps a marker of its own in the same table.
        assertThat(hub.rows("SELECT position FROM projection_cursors WHERE projection = 'households'"))
                .containsExactly(List.of(1));
    }

    /** Bounded polling: the background worker takes milliseconds; 10 seconds means it never ran. */
    private long pollUntilHouseholds(long expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long found = hub.count("households");
        while (found < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            found = hub.count("households");
        }
        return found;
    }
}
