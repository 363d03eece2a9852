package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.StoreMove;
import org.threshold.hub.testing.TestPostgres;

/**
 * A SQLite hub moved into PostgreSQL carries on where it stopped: same households, revoked tokens and history,
 * sessions, chains and cursor.
 */
class StoreMoveTest {
    @TempDir
    Path dataDir;

    @Test
    void aHubMovedToPostgresqlServesTheSameHouseholdsAndSessionsAndItsChainsGoOn() {
        HubFixture hub = HubFixture.start(dataDir);
        TestKiosk.Registration registration = hub.kiosk.register();
        List<SignedEvent> more = hub.kiosk.registerMany(4);
        TestKiosk.Reissue reissue = hub.kiosk.reissue(registration.payload().householdId(), registration.token());
        hub.client().sync("KIOSK-01", List.of(registration.event()));
        hub.client().sync("KIOSK-01", more);
        hub.client().sync("KIOSK-01", List.of(reissue.event()));
        String session = hub.client().sessionToken();
        assertThat(hub.client().lookUp(reissue.token().id().shortCode(), session).status()).isEqualTo(200);
        hub.stopHub();
        DatabaseSettings postgres = TestPostgres.newDatabase();

        StoreMove.Moved moved;
        try (HubServices services = HubServices.open(dataDir, DatabaseSettings.SQLITE_IN_DATA_FOLDER, hub.clock)) {
            moved = services.moveTo(dataDir, postgres);
            assertThatThrownBy(() -> services.moveTo(dataDir, postgres)).isInstanceOf(Refusal.class)
                    .hasMessageContaining("already holds");
        }
        assertThat(moved.events()).isEqualTo(6);
        assertThat(moved.chains()).isEqualTo(1);
        assertThat(moved.rows()).containsEntry("households", 5L).containsEntry("sessions", 1L)
                .containsEntry("access_log", 1L).containsEntry("kiosks", 1L).containsEntry("revoked_tokens", 1L)
                .containsEntry("household_history", 1L);

        try (HubFixture moved2 = HubFixture.restartOn(hub, postgres)) {
            assertThat(moved2.client().lookUp(reissue.token().id().shortCode(), session).status()).isEqualTo(200);
            assertThat(moved2.client().lookUp(registration.token().id().shortCode(), session).reason())
                    .isEqualTo("TOKEN_REVOKED");
            HubClient.Response next = moved2.client().sync("KIOSK-01", hub.kiosk.registerMany(1));
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.json().at("/ack/sequence").asLong()).isEqualTo(7);
            assertThat(moved2.count("events")).isEqualTo(7);
            assertThat(moved2.count("access_log")).isEqualTo(3);
        }
    }
}
