package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.StoreException;
import org.threshold.hub.app.sync.HeldEvent;
import org.threshold.hub.app.sync.StoredEvent;
import org.threshold.hub.app.sync.SyncIncident;
import org.threshold.hub.app.sync.SyncLedgerRepository;

/** The event store's and the sync ledger's contract, on SQLite and on PostgreSQL. */
class EventRepositoryTest {
    @Nested
    class OnSqlite extends EventRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends EventRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class EventRepositoryContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private final TestKiosk kiosk = new TestKiosk("KIOSK-01", HubSealing.generate(new SecureRandom()).publicKey());

    @Test
    void aKioskThatSentNothingIsAtGenesis() {
        var actual1 = inTransaction(repositories -> repositories.events().lockHead("KIOSK-01"));
        assertThat(actual1)
                .isEqualTo(ChainPosition.GENESIS);
        var actual2 = inTransaction(repositories -> repositories.events().heads());
        assertThat(actual2).isEmpty();
    }

    @Test
    void appendedEventsMoveTheHeadAndAreFoundByIdAndSequence() {
        List<SignedEvent> events = kiosk.registerMany(3);
        append(events);

        var actual3 = inTransaction(repositories -> repositories.events().lockHead("KIOSK-01"));
        assertThat(actual3)
                .isEqualTo(ChainPosition.after(events.get(2)));
        var actual4 = store.read(repositories -> repositories.events().hashesBetween("KIOSK-01", 2, 9));
        assertThat(actual4)
                .containsOnlyKeys(2L, 3L).hasEntrySatisfying(2L, hash -> assertThat(hash).isEqualTo(events.get(1).hash()));
        UUID unknown = UUID.randomUUID();
        var actual5 = store.read(repositories -> repositories.events().heldEventIds(List.of(events.get(0).header()
                .eventId(), unknown)));
        assertThat(actual5).containsExactly(events.get(0).header().eventId());
        var actual6 = store.read(repositories -> repositories.events().count());
        assertThat(actual6).isEqualTo(3);
        var actual7 = store.read(repositories -> repositories.events().heads());
        assertThat(actual7)
                .containsEntry("KIOSK-01", ChainPosition.after(events.get(2)));
        List<HeldEvent> chain = store.read(repositories -> repositories.events().chain("KIOSK-01"));
        assertThat(chain).extracting(HeldEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(chain).extracting(HeldEvent::eventId).containsExactlyElementsOf(events.stream()
                .map(event -> event.header().eventId()).toList());
        assertThat(chain.get(2).hash()).isEqualTo(events.get(2).hash());
        List<HeldEvent> none = store.read(repositories -> repositories.events().chain("KIOSK-99"));
        assertThat(none).isEmpty();
    }

    @Test
    void theDatabaseRefusesASecondEventAtAHeldSequenceAndKeepsNothingOfThatTransaction() {
        List<SignedEvent> events = kiosk.registerMany(2);
        append(events.subList(0, 1));
        kiosk.rewindTo(ChainPosition.GENESIS);
        SignedEvent fork = kiosk.registerMany(1).get(0);

        assertThatThrownBy(() -> inTransaction(repositories -> {
            repositories.events().lockHead("KIOSK-01");
            repositories.events().append("KIOSK-01", List.of(events.get(1)), AT);
            repositories.events().append("KIOSK-01", List.of(fork), AT);
            return null;
        })).isInstanceOf(StoreException.class).hasMessageNotContaining(fork.header().eventId().toString());

        var actual8 = store.read(repositories -> repositories.events().count());
        assertThat(actual8).isEqualTo(1);
        var actual9 = inTransaction(repositories -> repositories.events().lockHead("KIOSK-01"));
        assertThat(actual9)
                .isEqualTo(ChainPosition.after(events.get(0)));
    }

    @Test
    void projectionSequencesAreGivenWithoutGapsInStorageOrderAndOnlyOnce() {
        List<SignedEvent> events = kiosk.registerMany(5);
        append(events.subList(0, 3));
        var actual11 = inTransaction(repositories -> repositories.events().sequenceForProjection(2));
        assertThat(actual11).isEqualTo(2);
        append(events.subList(3, 5));
        var actual12 = inTransaction(repositories -> repositories.events().sequenceForProjection(10));
        assertThat(actual12).isEqualTo(3);
        var actual13 = inTransaction(repositories -> repositories.events().sequenceForProjection(10));
        assertThat(actual13).isZero();

        List<StoredEvent> sequenced = store.read(repositories -> repositories.events().sequencedAfter(0, 10));
        assertThat(sequenced).extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(sequenced.get(3).envelope()).isEqualTo(events.get(3).encode());
        var actual14 = store.read(repositories -> repositories.events().sequencedAfter(3, 1));
        assertThat(actual14)
                .extracting(StoredEvent::sequence).containsExactly(4L);
        var actual15 = store.read(repositories -> repositories.events().lastSequenced());
        assertThat(actual15).isEqualTo(5);
    }

    @Test
    void theLedgerCountsContactsGapsAndForksAndKeepsTheIncidentsInOrder() {
        append(kiosk.registerMany(2));
        inTransaction(repositories -> {
            repositories.syncLedger().recordContact("KIOSK-01", AT, Optional.empty());
            repositories.syncLedger().recordContact("KIOSK-01", AT.plusSeconds(1), Optional.of(
                    new SyncIncident(SyncIncident.SEQUENCE_GAP, 5, "expected 3, got 5")));
            repositories.syncLedger().recordContact("KIOSK-01", AT.plusSeconds(2), Optional.of(
                    new SyncIncident(SyncIncident.FORK, 2, "hub holds another")));
            repositories.syncLedger().recordContact("KIOSK-02", AT, Optional.empty());
            return null;
        });

        var actual17 = store.read(repositories -> repositories.syncLedger().kiosks());
        assertThat(actual17).containsExactly(
                new SyncLedgerRepository.KioskSyncStatus("KIOSK-01", AT.plusSeconds(2), 2, 2, 1, 1),
                new SyncLedgerRepository.KioskSyncStatus("KIOSK-02", AT, 0, 0, 0, 0));
        var actual18 = store.read(repositories -> repositories.syncLedger().incidents("KIOSK-01"));
        assertThat(actual18)
                .extracting(SyncLedgerRepository.Incident::reason).containsExactly("SEQUENCE_GAP", "FORK");
    }

    private void append(List<SignedEvent> events) {
        inTransaction(repositories -> {
            repositories.events().lockHead("KIOSK-01");
            repositories.events().append("KIOSK-01", events, AT);
            return null;
        });
    }
}
