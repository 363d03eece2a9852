package org.threshold.kiosk.sync;

import java.time.Instant;

/**
 * Whether the hub answered lately, and how far a catch-up has come, for the status page. Online means the
 * last exchange got a verified answer; a refusal of the hub's is still contact. Thread-safe.
 */
public final class ConnectionState {
    private volatile boolean online;
    private volatile Instant lastContactAt;
    private volatile long catchUpTotal;
    private volatile long catchUpDone;

    /** A snapshot: {@code progress} is 0 to 1 while catching up, 1 when nothing is pending. */
    public record Snapshot(boolean online, Instant lastContactAt, long catchUpTotal, long catchUpDone) {
        public double progress() {
            return catchUpTotal == 0 ? 1.0 : Math.min(1.0, (double) catchUpDone / catchUpTotal);
        }
    }

    void contact(Instant at) {
        online = true;
        lastContactAt = at;
    }

    void unreachable() {
        online = false;
    }

    void catchUpStarted(long pending) {
        catchUpTotal = pending;
        catchUpDone = 0;
    }

    void caughtUp(long acknowledged) {
        catchUpDone = Math.min(catchUpTotal, catchUpDone + acknowledged);
    }

    public Snapshot snapshot() {
        return new Snapshot(online, lastContactAt, catchUpTotal, catchUpDone);
    }
}
