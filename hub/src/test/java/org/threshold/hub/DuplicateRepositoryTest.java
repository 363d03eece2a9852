package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.core.search.DuplicateRule;
import org.threshold.hub.app.duplicate.DuplicatePair;
import org.threshold.hub.app.duplicate.DuplicateStatus;
import org.threshold.hub.app.duplicate.HouseholdMerge;

/** The duplicate queue's and the merges' contract, on SQLite and on PostgreSQL. */
class DuplicateRepositoryTest {
    @Nested
    class OnSqlite extends DuplicateRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends DuplicateRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class DuplicateRepositoryContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00.123Z");
    private static final DuplicateRule.Match MATCH = new DuplicateRule.Match(90,
            Set.of(DuplicateRule.Reason.NAME, DuplicateRule.Reason.BIRTH_DATE));

    @Test
    void aPairIsStoredOnceWhicheverWayRoundItIsFoundAndReadBackAsStored() {
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        DuplicatePair pair = DuplicatePair.found(one, other, MATCH, AT);

        boolean added = inTransaction(repositories -> repositories.duplicates().addIfNew(pair));
        boolean again = inTransaction(repositories -> repositories.duplicates()
                .addIfNew(DuplicatePair.found(other, one, MATCH, AT.plusSeconds(1))));

        assertThat(added).isTrue();
        assertThat(again).isFalse();
        assertThat(find(pair.pairId())).contains(pair);
        assertThat(find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theQueueListsOneStatusOldestFirstUpToTheLimit() {
        DuplicatePair first = DuplicatePair.found(UUID.randomUUID(), UUID.randomUUID(), MATCH, AT);
        DuplicatePair second = DuplicatePair.found(UUID.randomUUID(), UUID.randomUUID(), MATCH, AT.plusSeconds(5));
        DuplicatePair third = DuplicatePair.found(UUID.randomUUID(), UUID.randomUUID(), MATCH, AT.plusSeconds(9));
        inTransaction(repositories -> List.of(third, first, second).stream()
                .map(pair -> repositories.duplicates().addIfNew(pair)).toList());
        inTransaction(repositories -> repositories.duplicates().decide(second.pairId(), DuplicateStatus.OPEN,
                DuplicateStatus.NOT_DUPLICATE, AT.plusSeconds(60), "sara"));

        var open = store.read(repositories -> repositories.duplicates().list(DuplicateStatus.OPEN, 10));
        var firstOnly = store.read(repositories -> repositories.duplicates().list(DuplicateStatus.OPEN, 1));
        var dismissed = store.read(repositories -> repositories.duplicates().list(DuplicateStatus.NOT_DUPLICATE, 10));

        assertThat(open).extracting(DuplicatePair::pairId).containsExactly(first.pairId(), third.pairId());
        assertThat(firstOnly).extracting(DuplicatePair::pairId).containsExactly(first.pairId());
        assertThat(dismissed).hasSize(1);
        assertThat(dismissed.get(0).decidedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(dismissed.get(0).decidedBy()).isEqualTo("sara");
    }

    @Test
    void aDecisionIsACompareAndSetAndReopeningForgetsWhoDecided() {
        DuplicatePair pair = DuplicatePair.found(UUID.randomUUID(), UUID.randomUUID(), MATCH, AT);
        inTransaction(repositories -> repositories.duplicates().addIfNew(pair));

        boolean merged = inTransaction(repositories -> repositories.duplicates().decide(pair.pairId(),
                DuplicateStatus.OPEN, DuplicateStatus.MERGED, AT, "sara"));
        boolean mergedAgain = inTransaction(repositories -> repositories.duplicates().decide(pair.pairId(),
                DuplicateStatus.OPEN, DuplicateStatus.MERGED, AT, "omar"));
        boolean reopened = inTransaction(repositories -> repositories.duplicates().decide(pair.pairId(),
                DuplicateStatus.MERGED, DuplicateStatus.OPEN, AT, "omar"));

        assertThat(merged).isTrue();
        assertThat(mergedAgain).isFalse();
        assertThat(reopened).isTrue();
        DuplicatePair after = find(pair.pairId()).orElseThrow();
        assertThat(after.status()).isEqualTo(DuplicateStatus.OPEN);
        assertThat(after.decidedAt()).isNull();
        assertThat(after.decidedBy()).isNull();
    }

    @Test
    void aMergeIsFoundByTheMergedHouseholdAndByItsPairUntilItIsRemoved() {
        DuplicatePair pair = DuplicatePair.found(UUID.randomUUID(), UUID.randomUUID(), MATCH, AT);
        HouseholdMerge merge = new HouseholdMerge(pair.householdB(), pair.householdA(), pair.pairId(),
                List.of(UUID.randomUUID(), UUID.randomUUID()), UUID.randomUUID(), AT);
        HouseholdMerge none = new HouseholdMerge(UUID.randomUUID(), pair.householdA(), pair.pairId(), List.of(),
                UUID.randomUUID(), AT);
        inTransaction(repositories -> {
            repositories.duplicates().addIfNew(pair);
            repositories.duplicates().recordMerge(merge);
            return null;
        });

        assertThat(mergeOf(pair.householdB())).contains(merge);
        assertThat(mergeOf(pair.householdA())).isEmpty();
        assertThat(mergeByPair(pair.pairId())).contains(merge);
        assertThat(removeMerge(pair.householdB())).isTrue();
        assertThat(removeMerge(pair.householdB())).isFalse();
        assertThat(mergeOf(pair.householdB())).isEmpty();
        inTransaction(repositories -> {
            repositories.duplicates().recordMerge(none);
            return null;
        });
        assertThat(mergeOf(none.mergedId())).contains(none);
    }

    private java.util.Optional<DuplicatePair> find(UUID pairId) {
        return store.read(repositories -> repositories.duplicates().find(pairId));
    }

    private java.util.Optional<HouseholdMerge> mergeOf(UUID householdId) {
        return store.read(repositories -> repositories.duplicates().mergeOf(householdId));
    }

    private java.util.Optional<HouseholdMerge> mergeByPair(UUID pairId) {
        return store.read(repositories -> repositories.duplicates().mergeByPair(pairId));
    }

    private boolean removeMerge(UUID householdId) {
        return inTransaction(repositories -> repositories.duplicates().removeMerge(householdId));
    }
}
