package org.threshold.hub.app.sync;

/**
 * Something in a kiosk's chain an administrator should know of: a gap (the kiosk skipped events; it is asked
 * to resend) or a fork (another event at a sequence the hub holds; refused). {@code detail} holds no personal
 * data: event ids, sequences and hashes only.
 */
public record SyncIncident(String reason, long sequence, String detail) {
    public static final String SEQUENCE_GAP = "SEQUENCE_GAP";
    public static final String FORK = "FORK";

    public boolean isGap() {
        return SEQUENCE_GAP.equals(reason);
    }

    public boolean isFork() {
        return FORK.equals(reason);
    }
}
