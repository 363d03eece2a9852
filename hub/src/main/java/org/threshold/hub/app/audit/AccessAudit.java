package org.threshold.hub.app.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.StoreException;

/**
 * Writes the access log by group commit. A durable commit costs a disk flush (milliseconds); one per read would
 * queue 64 concurrent readers behind 64 flushes. So each read's record goes into a bounded queue, one writer takes
 * whatever has gathered while the previous batch was flushing and commits it in one transaction, and
 * {@link #record} returns only once its batch is committed: the caller shows nothing that is not in the log. A full
 * queue refuses the read rather than grow without bound. Thread-safe.
 */
public final class AccessAudit implements AutoCloseable {
    /** How many records may wait for the writer: a few seconds of the busiest hub's reads. */
    public static final int DEFAULT_CAPACITY = 4_096;
    private static final Logger LOG = LoggerFactory.getLogger(AccessAudit.class);
    // One transaction's worth; more would only lengthen the wait of the first in it.
    private static final int MAX_BATCH = 512;
    // A store that takes longer than this to commit one batch is failing, not busy.
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(10);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final long POLL_MS = 200;

    private final HubStore store;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean closed;

    private record Pending(AccessRecord record, CompletableFuture<Void> committed) {
    }

    public AccessAudit(HubStore store, int capacity) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::writeUntilClosed, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Records {@code record} durably and returns once it is committed.
     *
     * @throws Refusal UNAVAILABLE {@code AUDIT_BUSY} when the queue is full or the commit does not come in time
     * @throws StoreException when the store failed to commit the batch
     */
    public void record(AccessRecord record) {
        recordAll(List.of(record));
    }

    /**
     * Records every one of {@code records} durably and returns once all are committed: one wait for a page of reads,
     * not one per record.
     *
     * @throws Refusal UNAVAILABLE {@code AUDIT_BUSY} when the queue cannot take them all or the commit does not come in
     *                  time
     * @throws StoreException when the store failed to commit them
     */
    public void recordAll(List<AccessRecord> records) {
        submitAll(records).await();
    }

    /**
     * Queues every one of {@code records} for the writer and returns at once: the caller may prepare its answer
     * while the batch flushes, and must {@link Commit#await} before showing any of it. A read queued but then not
     * shown (the caller failed) stays in the log: harmless, where the reverse would not be.
     *
     * @throws Refusal UNAVAILABLE {@code AUDIT_BUSY} when the queue cannot take them all
     */
    public Commit submitAll(List<AccessRecord> records) {
        List<CompletableFuture<Void>> committed = new ArrayList<>(records.size());
        for (AccessRecord record : records) {
            Pending pending = new Pending(record, new CompletableFuture<>());
            if (closed || !queue.offer(pending)) {
                throw busy();
            }
            committed.add(pending.committed());
        }
        return new Commit(CompletableFuture.allOf(committed.toArray(CompletableFuture[]::new)));
    }

    /** Records on their way to the log: {@link #await} returns once every one of them is committed. */
    public static final class Commit {
        private final CompletableFuture<Void> committed;

        private Commit(CompletableFuture<Void> committed) {
            this.committed = committed;
        }

        /**
         * @throws Refusal UNAVAILABLE {@code AUDIT_BUSY} when the commit does not come in time
         * @throws StoreException when the store failed to commit them
         */
        public void await() {
            try {
                committed.get(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("Writing the access log failed", e.getCause());
            } catch (TimeoutException e) {
                // It may still commit later: a record of a read that was not shown is harmless; the reverse is not.
                throw busy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy();
            }
        }
    }

    private static Refusal busy() {
        return Refusal.unavailable("AUDIT_BUSY", "The hub is too busy to record this read in its access log, so it "
                + "shows nothing. Try again in a few seconds.", RETRY_AFTER);
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                // Nobody interrupts this thread (an interrupt could fail a commit in the pool); go round again.
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Pending> batch) {
        List<AccessRecord> records = new ArrayList<>(batch.size());
        batch.forEach(pending -> records.add(pending.record()));
        try {
            store.inTransaction(repositories -> {
                repositories.accessLog().recordAll(records);
                return null;
            });
            batch.forEach(pending -> pending.committed().complete(null));
        } catch (RuntimeException e) {
            LOG.error("Could not write {} access log record(s) ({}); those reads were refused", batch.size(),
                    e.getClass().getSimpleName());
            batch.forEach(pending -> pending.committed().completeExceptionally(e));
        }
    }

    /** Commits what is queued, then stops; reads recorded after this are refused. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(COMMIT_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Anything that slipped in as the writer stopped (within one poll of closing).
        for (Pending left; (left = queue.poll()) != null; ) {
            left.committed().completeExceptionally(busy());
        }
    }
}
