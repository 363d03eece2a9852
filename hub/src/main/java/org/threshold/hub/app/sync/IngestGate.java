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
    /**
     * How long after the last batch ingest counts as quiet: a kiosk sending batch after batch leaves shorter gaps
     * between one batch's answer and the next one's arrival, and work that waits for quiet should not slip into those.
     */
    static final Duration SETTLE = Duration.ofMillis(250);
    /** Two cores: two batches verify while a third is written. */
    public static final IngestGate DEFAULT = new IngestGate(3, 16, Duration.ofSeconds(5), Duration.ofSeconds(2));

    private final Semaphore permits;
    private final int queued;
    private final Duration maxWait;
    private final Duration retryAfter;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object quiet = new Object();
    // Batches between arrival and answer, and when the last was answered; guarded by quiet.
    private int inFlight;
    private long lastDone = System.nanoTime() - SETTLE.toNanos();

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
        return permits::release;
    }

    /**
     * Counts a batch as in flight from its arrival (its headers name an enrolled kiosk) until it is answered, while
     * its body is received and its signature checked as well as while it holds a permit; close it when answered.
     * This is all {@link #awaitQuiet} goes by.
     */
    public Permit arriving() {
        synchronized (quiet) {
            inFlight++;
        }
        return () -> {
            synchronized (quiet) {
                lastDone = System.nanoTime();
                if (--inFlight == 0) {
                    quiet.notifyAll();
                }
            }
        };
    }

    /**
     * Returns once no batch is in flight ({@link #arriving}) and none has been for {@link #SETTLE}, or after
     * {@code max} at the latest. Background work that can wait (the projection: opening payloads, and on SQLite the one writer its
     * transactions hold) calls it, so a kiosk's batch, which a kiosk is waiting for, gets the CPU and the database's
     * write lock first through a whole burst of batches; {@code max} keeps that work from starving under a long one.
     */
    public void awaitQuiet(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (quiet) {
            while (true) {
                long now = System.nanoTime();
                long left = deadline - now;
                if (left <= 0) {
                    return;
                }
                if (inFlight > 0) {
                    TimeUnit.NANOSECONDS.timedWait(quiet, left);
                } else {
                    long settling = lastDone + SETTLE.toNanos() - now;
                    if (settling <= 0) {
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(quiet, Math.min(settling, left));
                }
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
