package org.threshold.kiosk.sync;

/**
 * What one sync did.
 *
 * @param sent          events sent to the hub
 * @param acknowledged  events newly marked as synced on the strength of the hub's signed acknowledgement
 * @param pendingEvents events still waiting for the hub
 * @param error         why the sync stopped short, for the operator; null when everything pending was acknowledged
 */
public record SyncReport(int sent, int acknowledged, long pendingEvents, String error) {
}
