package org.threshold.kiosk.sync;

/**
 * What one sync did.
 *
 * @param sent              events sent to the hub
 * @param acknowledged      events newly marked as synced on the strength of the hub's signed acknowledgement
 * @param pendingEvents     events still waiting for the hub
 * @param error             why the sync stopped short, for the operator; null when everything pending was acknowledged
 * @param retryAfterSeconds when the hub asked to be left alone (429 {@code Retry-After}), for how long; else null
 */
public record SyncReport(int sent, int acknowledged, long pendingEvents, String error, Long retryAfterSeconds) {
    public SyncReport(int sent, int acknowledged, long pendingEvents, String error) {
        this(sent, acknowledged, pendingEvents, error, null);
    }
}
