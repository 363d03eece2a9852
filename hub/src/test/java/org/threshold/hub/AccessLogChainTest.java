package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessLogChain;
import org.threshold.hub.app.audit.AccessLogEntry;
import org.threshold.hub.app.audit.AccessLogVerifier;
import org.threshold.hub.app.audit.AccessQuery;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.audit.ChainState;
import org.threshold.hub.store.JdbiHubStore;

/**
 * The access log's hash chain and the DPO's search of it, on SQLite and on PostgreSQL: rows removed, edited or slipped
 * in through SQL are found by the verifier; several writers (on PostgreSQL, several hub instances) never fork it.
 */
class AccessLogChainTest {
    @Nested
    class OnSqlite extends AccessLogChainContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends AccessLogChainContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }

        @Test
        void twoHubInstancesOnOneDatabaseGrowOneChain() throws Exception {
            try (HubStore second = JdbiHubStore.open(url, null);
                 AccessAudit first = new AccessAudit(store, 256);
                 AccessAudit other = new AccessAudit(second, 256)) {
                ExecutorService readers = Executors.newFixedThreadPool(8);
                try {
                    List<Future<?>> done = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        AccessAudit audit = i % 2 == 0 ? first : other;
                        AccessRecord record = record("reader-" + i, "FOUND", UUID.randomUUID(), i);
                        done.add(readers.submit(() -> audit.record(record)));
                    }
                    for (Future<?> each : done) {
                        each.get(60, TimeUnit.SECONDS);
                    }
                } finally {
                    readers.shutdownNow();
                }
            }

            ChainState state = verifier().verify();
            assertThat(state.intact()).as(state.toString()).isTrue();
            assertThat(state.checked()).isEqualTo(200);
        }
    }
}

abstract class AccessLogChainContract extends StoreContract {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final UUID HOUSEHOLD = UUID.fromString("5b0c7a1e-9d2f-4c31-8a6b-0f4e2d1c3b5a");
    private static final UUID OTHER = UUID.fromString("0c4f1a2b-3d5e-4f60-8a7b-9c8d7e6f5a4b");

    static AccessRecord record(String username, String outcome, UUID householdId, int millis) {
        return new AccessRecord(NOW.plusMillis(millis), username, "token-lookup", outcome, householdId);
    }

    AccessLogVerifier verifier() {
        return new AccessLogVerifier(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Ten records in three batches, as three group commits would write them. */
    private void writeTen() {
        List<AccessRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(record(i % 2 == 0 ? "nadia" : "omar", i == 3 ? "FORGED" : "FOUND", i == 3 ? null : HOUSEHOLD, i));
        }
        inTransaction(repositories -> {
            repositories.accessLog().recordAll(records.subList(0, 4));
            return null;
        });
        inTransaction(repositories -> {
            repositories.accessLog().recordAll(records.subList(4, 5));
            repositories.accessLog().recordAll(List.of());
            return null;
        });
        inTransaction(repositories -> {
            repositories.accessLog().recordAll(records.subList(5, 10));
            return null;
        });
    }

    @Test
    void anEmptyLogAndAnUntouchedOneVerify() {
        ChainState empty = verifier().verify();
        writeTen();
        ChainState ten = verifier().verify();

        assertThat(empty.intact()).isTrue();
        assertThat(empty.checked()).isZero();
        assertThat(ten.intact()).isTrue();
        assertThat(ten.checked()).isEqualTo(10);
        assertThat(ten.unchained()).isZero();
    }

    @Test
    void anEditedRecordIsFound() {
        writeTen();
        assertThat(execute("UPDATE access_log SET username = 'someone-else' WHERE seq = 4")).isEqualTo(1);

        assertThat(verifier().verify().firstBreak()).contains(new ChainState.Break(4, ChainState.Problem.ALTERED));
    }

    @Test
    void anEditedTimeOrOutcomeIsFound() {
        writeTen();
        execute("UPDATE access_log SET at = at + 1 WHERE seq = 7");
        ChainState time = verifier().verify();
        execute("UPDATE access_log SET at = at - 1 WHERE seq = 7");
        ChainState restored = verifier().verify();
        execute("UPDATE access_log SET outcome = 'NOT_FOUND', household_id = NULL WHERE seq = 2");

        assertThat(time.firstBreak()).contains(new ChainState.Break(7, ChainState.Problem.ALTERED));
        assertThat(restored.intact()).isTrue();
        assertThat(verifier().verify().firstBreak()).contains(new ChainState.Break(2, ChainState.Problem.ALTERED));
    }

    @Test
    void aRemovedRecordIsFoundWhereverItWas() {
        writeTen();
        execute("DELETE FROM access_log WHERE seq = 5");
        ChainState middle = verifier().verify();
        execute("DELETE FROM access_log WHERE seq >= 9");
        ChainState end = verifier().verify();

        assertThat(middle.firstBreak()).contains(new ChainState.Break(5, ChainState.Problem.MISSING));
        assertThat(middle.checked()).isEqualTo(4);
        assertThat(end.firstBreak()).contains(new ChainState.Break(5, ChainState.Problem.MISSING));
    }

    @Test
    void theLastRecordsRemovedWithTheHeadRewoundIsFound() {
        writeTen();
        execute("DELETE FROM access_log WHERE seq = 10");
        ChainState tail = verifier().verify();
        execute("DELETE FROM access_log_head");
        ChainState noHead = verifier().verify();

        assertThat(tail.firstBreak()).contains(new ChainState.Break(10, ChainState.Problem.MISSING));
        assertThat(noHead.firstBreak()).contains(new ChainState.Break(1, ChainState.Problem.HEAD_MISMATCH));
    }

    @Test
    void aRecordSlippedInWithoutAPlaceInTheChainIsFound() {
        writeTen();
        execute("INSERT INTO access_log (at, username, action, outcome) VALUES (0, 'x', 'token-lookup', 'FOUND')");

        ChainState state = verifier().verify();
        assertThat(state.firstBreak()).contains(new ChainState.Break(10, ChainState.Problem.UNCHAINED));
        assertThat(state.unchained()).isEqualTo(1);
    }

    @Test
    void aRecordEditedWithItsHashRecomputedBreaksTheNextLink() {
        writeTen();
        var second = store.read(repositories -> repositories.accessLog().chain(1, 2, 1)).get(0);
        // The record at seq 3 is the third written: nadia's, 2 ms in.
        AccessRecord edited = record("someone-else", "FOUND", HOUSEHOLD, 2);
        // Whoever edits a record and recomputes its own hash still breaks the record after it, which links to the old.
        execute("UPDATE access_log SET username = 'someone-else', hash = ? WHERE seq = 3",
                AccessLogChain.link(second.hash(), 3, edited));

        assertThat(verifier().verify().firstBreak()).contains(new ChainState.Break(4, ChainState.Problem.ALTERED));
    }

    @Test
    void theDpoSearchFiltersAndPagesNewestFirst() {
        writeTen();
        var all = store.read(repositories -> repositories.accessLog().search(query(null, null, null, null, null, 100)));
        var firstPage = store.read(repositories -> repositories.accessLog().search(query(null, null, null, null,
                null, 4)));
        long cursor = firstPage.get(firstPage.size() - 1).id();
        var secondPage = store.read(repositories -> repositories.accessLog().search(query(null, null, null, null,
                cursor, 4)));
        var nadia = store.read(repositories -> repositories.accessLog().search(query("nadia", null, null, null, null,
                100)));
        var forged = store.read(repositories -> repositories.accessLog().search(new AccessQuery(null, null, null,
                "token-lookup", "FORGED", null, null, 100)));
        var household = store.read(repositories -> repositories.accessLog().search(query(null, null, null, HOUSEHOLD,
                null, 100)));
        var window = store.read(repositories -> repositories.accessLog().search(query("omar", NOW.plusMillis(3),
                NOW.plusMillis(7), null, null, 100)));

        assertThat(all).hasSize(10).allMatch(AccessLogEntry::chained);
        assertThat(all).extracting(entry -> entry.record().at()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(firstPage).containsExactlyElementsOf(all.subList(0, 4));
        assertThat(secondPage).containsExactlyElementsOf(all.subList(4, 8));
        assertThat(nadia).hasSize(5).allMatch(entry -> entry.record().username().equals("nadia"));
        assertThat(forged).singleElement().satisfies(entry -> {
            assertThat(entry.record().householdId()).isNull();
            assertThat(entry.record().at()).isEqualTo(NOW.plusMillis(3));
        });
        assertThat(household).hasSize(9);
        assertThat(window).extracting(entry -> entry.record().at())
                .containsExactly(NOW.plusMillis(5), NOW.plusMillis(3));
    }

    /** Ten records, then a queue page's one record naming HOUSEHOLD (for two services) and OTHER, then one more. */
    private AccessRecord writeTenAndAPage() {
        writeTen();
        AccessRecord page = new AccessRecord(NOW.plusMillis(10), "omar", "referral-queue", "FOUND", null,
                List.of(new AccessRecord.Shown(OTHER, "health"), new AccessRecord.Shown(HOUSEHOLD, "health"),
                        new AccessRecord.Shown(HOUSEHOLD, "mhpss")));
        inTransaction(repositories -> {
            repositories.accessLog().recordAll(List.of(page, record("nadia", "FOUND", OTHER, 11)));
            return null;
        });
        return page;
    }

    @Test
    void aPageIsOneLinkOfTheChainAndAHouseholdTakenOffItIsFound() {
        writeTenAndAPage();
        ChainState intact = verifier().verify();
        long named = store.read(repositories -> repositories.accessLog().chain(10, 11, 1)).get(0).record()
                .shown().size();
        execute("DELETE FROM access_log_households WHERE seq = 11 AND position = 1");
        ChainState removed = verifier().verify();

        assertThat(intact.intact()).as(intact.toString()).isTrue();
        assertThat(intact.checked()).isEqualTo(12);
        assertThat(named).isEqualTo(3);
        assertThat(removed.firstBreak()).contains(new ChainState.Break(11, ChainState.Problem.ALTERED));
    }

    @Test
    void aHouseholdOrPurposeEditedInAPageIsFound() {
        writeTenAndAPage();
        execute("UPDATE access_log_households SET purpose = 'shelter' WHERE seq = 11 AND position = 2");
        ChainState purpose = verifier().verify();
        execute("UPDATE access_log_households SET purpose = 'mhpss', household_id = ? WHERE seq = 11 AND "
                + "position = 2", UUID.randomUUID().toString());

        assertThat(purpose.firstBreak()).contains(new ChainState.Break(11, ChainState.Problem.ALTERED));
        assertThat(verifier().verify().firstBreak()).contains(new ChainState.Break(11, ChainState.Problem.ALTERED));
    }

    @Test
    void theDpoSearchByHouseholdFindsThePagesThatNamedIt() {
        AccessRecord page = writeTenAndAPage();
        var household = store.read(repositories -> repositories.accessLog().search(query(null, null, null, HOUSEHOLD,
                null, 100)));
        var other = store.read(repositories -> repositories.accessLog().search(query(null, null, null, OTHER, null,
                100)));
        var firstOfOther = store.read(repositories -> repositories.accessLog().search(query(null, null, null, OTHER,
                null, 1)));
        var latest = store.read(repositories -> repositories.accessLog().latest(2));

        // Its nine reads of one household, and the page once, though the page names it twice.
        assertThat(household).hasSize(10);
        assertThat(household.get(0).record()).isEqualTo(page);
        assertThat(household.get(0).chained()).isTrue();
        assertThat(other).extracting(entry -> entry.record().action()).containsExactly("token-lookup",
                "referral-queue");
        assertThat(firstOfOther).singleElement().satisfies(entry -> assertThat(entry.record().householdId())
                .isEqualTo(OTHER));
        assertThat(latest.get(1)).isEqualTo(page);
        assertThat(page.households()).containsExactly(OTHER, HOUSEHOLD);
    }

    private static AccessQuery query(String account, Instant from, Instant to, UUID householdId, Long beforeId,
                                     int limit) {
        return new AccessQuery(account, from, to, null, null, householdId, beforeId, limit);
    }
}
