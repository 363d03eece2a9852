package org.threshold.hub.app.sync;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.threshold.hub.app.Refusal;

/**
 * How much ingest the hub takes on at once: {@code concurrent} batches are worked on, up to {@code queued} more
 * wait at most {@code maxWait} for their turn, and anything beyond is turned away at once with 429
 * {@code HUB_BUSY} and a {@code Retry-After}, which kiosks honour. Pushing back this way keeps memory bounded
 * (a waiting batch is already in memory) and answers quickly instead of timing out. Thread-safe.
 */
public final class IngestGate {
    /** Two cores: two batches verify while a third is written. */
    public static final IngestGate DEFAULT = new IngestGate(3, 16, Duration.ofSeconds(5), Duration.ofSeconds(2));

    private final Semaphore permits;
    private final int queued;
    private final Duration maxWait;
    private final Duration retryAfter;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger working = new AtomicInteger();
    private final Object quiet = new Object();

    public IngestGate(int concurrent, int queued, Duration maxWait, Duration retryAfter) {
        if (concurrent < 1 || queued < 0 || maxWait.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("An ingest gate needs at least one permit and no negative limits");
        }
        this.permits = new Semaphore(concurrent, true);
        this.queued = queued;
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
    }

    /** A permit to ingest one batch; close it when done. @throws Refusal TRY_LATER {@code HUB_BUSY} */
    public Permit enter() {
        if (permits.tryAcquire()) {
            return granted();
        }
        if (waiting.incrementAndGet() > queued) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
        return granted();
    }

    private Permit granted() {
        working.incrementAndGet();
        return () -> {
            permits.release();
            if (working.decrementAndGet() == 0) {
                synchronized (quiet) {
                    quiet.notifyAll();
                }
            }
        };
    }

    /**
     * Returns once no batch is being ingested, or after {@code max} at the latest. Background work that can wait
     * (opening payloads for the projection) calls it between chunks, so a kiosk's batch, which a kiosk is waiting
     * for, gets the CPU and the database's write lock first; {@code max} keeps that work from starving under a
     * long peak.
     */
    public void awaitQuiet(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (quiet) {
            long left = max.toNanos();
            while (working.get() > 0 && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(quiet, left);
                left = deadline - System.nanoTime();
            }
        }
    }

    private Refusal busy() {
        return Refusal.tryLater("HUB_BUSY", "The hub is taking in many batches at once; nothing from this one "
                + "was stored. Send it again after the Retry-After delay.", retryAfter);
    }

    /** Held while a batch is ingested. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
