package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.StoreContents;
import org.threshold.hub.app.StoreException;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessRecord;

/** The access log's group commit, on SQLite and on PostgreSQL. */
class AccessAuditTest {
    @Nested
    class OnSqlite extends AccessAuditContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends AccessAuditContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class AccessAuditContract extends StoreContract {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static AccessRecord read(String username) {
        return new AccessRecord(NOW, username, "token-lookup", "FOUND", UUID.randomUUID());
    }

    @Test
    void aRecordIsCommittedBeforeRecordReturns() {
        try (AccessAudit audit = new AccessAudit(store, 16)) {
            for (int i = 0; i < 5; i++) {
                AccessRecord record = read("amal-" + i);
                audit.record(record);
                // Another connection sees it at once: committed, not merely queued.
                List<AccessRecord> latest = store.read(repositories -> repositories.accessLog().latest(1));
                assertThat(latest).containsExactly(record);
            }
        }
    }

    @Test
    void submittedRecordsAreQueuedAtOnceAndAwaitReturnsOnlyOnceTheyAreCommitted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HubStore held = new HeldStore(store, release);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (AccessAudit audit = new AccessAudit(held, 16)) {
            List<AccessRecord> page = List.of(read("amal"), read("amal"));
            // Returns while the writer is held: the caller prepares its answer meanwhile.
            AccessAudit.Commit commit = audit.submitAll(page);
            awaitTaken(held);
            Future<?> awaiting = pool.submit(commit::await);
            Thread.sleep(200);
            assertThat(awaiting).isNotDone();

            release.countDown();
            awaiting.get(30, TimeUnit.SECONDS);
            List<AccessRecord> latest = store.read(repositories -> repositories.accessLog().latest(2));
            assertThat(latest).containsExactlyInAnyOrderElementsOf(page);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentReadsAreAllKept() throws Exception {
        int readers = 32;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try (AccessAudit audit = new AccessAudit(store, AccessAudit.DEFAULT_CAPACITY)) {
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                String username = "reader-" + r;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        audit.record(read(username));
                    }
                }));
            }
            for (Future<?> reader : done) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long kept = store.read(repositories -> repositories.accessLog().count());
        assertThat(kept).isEqualTo((long) readers * each);
    }

    @Test
    void aFullQueueRefusesTheReadInsteadOfGrowing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HubStore held = new HeldStore(store, release);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (AccessAudit audit = new AccessAudit(held, 2)) {
            // The first is taken by the writer, which the held store stops; the next two fill the queue.
            List<Future<?>> waiting = new ArrayList<>();
            waiting.add(pool.submit(() -> audit.record(read("first"))));
            awaitTaken(held);
            waiting.add(pool.submit(() -> audit.record(read("second"))));
            waiting.add(pool.submit(() -> audit.record(read("third"))));
            awaitQueued(audit, waiting);

            assertThatThrownBy(() -> audit.record(read("fourth")))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> {
                        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
                        assertThat(refusal.reason()).isEqualTo("AUDIT_BUSY");
                        assertThat(refusal.retryAfter()).isPresent();
                    });
            release.countDown();
            for (Future<?> read : waiting) {
                read.get(30, TimeUnit.SECONDS);
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        List<AccessRecord> kept = store.read(repositories -> repositories.accessLog().latest(10));
        assertThat(kept).extracting(AccessRecord::username).containsExactlyInAnyOrder("first", "second", "third");
    }

    @Test
    void aStoreThatFailsRefusesTheRead() {
        store.close();
        try (AccessAudit audit = new AccessAudit(store, 16)) {
            assertThatThrownBy(() -> audit.record(read("amal"))).isInstanceOf(StoreException.class);
        }
    }

    private static void awaitTaken(HubStore held) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!((HeldStore) held).entered() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(((HeldStore) held).entered()).as("the writer took the first record").isTrue();
    }

    /** Waits until the two callers are blocked waiting (their records queued), bounded. */
    private static void awaitQueued(AccessAudit audit, List<Future<?>> waiting) throws InterruptedException {
        // No queue size is exposed; both callers must be waiting, and give them a moment to have offered.
        Thread.sleep(300);
        assertThat(waiting).noneMatch(Future::isDone);
    }

    /** The real store, whose write transactions wait for {@code release}: a writer stuck behind a slow disk. */
    private static final class HeldStore implements HubStore {
        private final HubStore store;
        private final CountDownLatch release;
        private volatile boolean entered;

        HeldStore(HubStore store, CountDownLatch release) {
            this.store = store;
            this.release = release;
        }

        boolean entered() {
            return entered;
        }

        @Override
        public <T> T inTransaction(Function<Repositories, T> work) {
            entered = true;
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return store.inTransaction(work);
        }

        @Override
        public <T> T read(Function<Repositories, T> work) {
            return store.read(work);
        }

        @Override
        public Map<String, Long> rowCounts() {
            return store.rowCounts();
        }

        @Override
        public void copyInto(HubStore target) {
            store.copyInto(target);
        }

        @Override
        public boolean answers() {
            return store.answers();
        }

        @Override
        public StoreContents contents() {
            return store.contents();
        }

        @Override
        public StoreContents dumpTo(java.nio.file.Path file) {
            return store.dumpTo(file);
        }

        @Override
        public StoreInfo info() {
            return store.info();
        }

        @Override
        public void purgeDeleted() {
            store.purgeDeleted();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
