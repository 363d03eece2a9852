package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.core.event.EventType;
import org.threshold.hub.app.household.HistoryEntry;

/** The household history's contract, on SQLite and on PostgreSQL. */
class HouseholdHistoryRepositoryTest {
    @Nested
    class OnSqlite extends HouseholdHistoryRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends HouseholdHistoryRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class HouseholdHistoryRepositoryContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00.123Z");

    @Test
    void aHouseholdsEntriesComeBackInProjectionOrderAndOnlyItsOwn() {
        UUID household = UUID.randomUUID();
        HistoryEntry third = entry(household, 30, EventType.CONSENT_CHANGED, "consent changed: referral");
        HistoryEntry first = entry(household, 10, EventType.HOUSEHOLD_CARD_REPRINTED, "card reprinted, marked COPY");
        HistoryEntry second = entry(household, 20, EventType.TOKEN_REISSUED, "new token issued");
        HistoryEntry other = entry(UUID.randomUUID(), 15, EventType.HOUSEHOLD_CORRECTED, "corrected phone");
        inTransaction(repositories -> {
            for (HistoryEntry entry : new HistoryEntry[] {third, first, other, second}) {
                repositories.householdHistory().record(entry);
            }
            return null;
        });

        var entries = store.read(repositories -> repositories.householdHistory().of(household));
        var none = store.read(repositories -> repositories.householdHistory().of(UUID.randomUUID()));
        assertThat(entries).containsExactly(first, second, third);
        assertThat(none).isEmpty();
    }

    @Test
    void recordingAnEventAgainKeepsTheFirstEntry() {
        UUID household = UUID.randomUUID();
        HistoryEntry entry = entry(household, 1, EventType.HOUSEHOLD_CORRECTED, "corrected phone");
        HistoryEntry again = new HistoryEntry(entry.eventId(), household, 2, EventType.CONSENT_CHANGED,
                AT.plusSeconds(1), "KIOSK-01", "supervisor", "something else");

        inTransaction(repositories -> {
            repositories.householdHistory().record(entry);
            repositories.householdHistory().record(again);
            return null;
        });

        var entries = store.read(repositories -> repositories.householdHistory().of(household));
        assertThat(entries).containsExactly(entry);
    }

    private static HistoryEntry entry(UUID household, long seq, EventType type, String summary) {
        return new HistoryEntry(UUID.randomUUID(), household, seq, type, AT.plusMillis(seq), "KIOSK-01", "supervisor",
                summary);
    }
}
