package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.hub.app.household.HouseholdRestriction;

/** The household restrictions' contract, on SQLite and on PostgreSQL. */
class HouseholdRestrictionRepositoryTest {
    @Nested
    class OnSqlite extends HouseholdRestrictionRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends HouseholdRestrictionRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class HouseholdRestrictionRepositoryContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00.123Z");

    @Test
    void aRestrictionIsFoundAsRecordedUntilLiftedAndASecondOneKeepsTheFirst() {
        HouseholdRestriction first = new HouseholdRestriction(UUID.randomUUID(), AT, "dpo", UUID.randomUUID(),
                "DSR-2026-014");
        HouseholdRestriction again = new HouseholdRestriction(first.householdId(), AT.plusSeconds(9), "other",
                UUID.randomUUID(), "DSR-2026-015");

        List<Boolean> recorded = inTransaction(repositories -> List.of(repositories.restrictions().restrict(first),
                repositories.restrictions().restrict(again)));

        assertThat(recorded).containsExactly(true, false);
        Optional<HouseholdRestriction> found = store.read(repositories -> repositories.restrictions()
                .find(first.householdId()));
        assertThat(found).contains(first);
        List<Boolean> lifted = inTransaction(repositories -> List.of(repositories.restrictions()
                .lift(first.householdId()), repositories.restrictions().lift(first.householdId())));
        Optional<HouseholdRestriction> afterwards = store.read(repositories -> repositories.restrictions()
                .find(first.householdId()));
        assertThat(lifted).containsExactly(true, false);
        assertThat(afterwards).isEmpty();
    }
}
