package org.threshold.hub.enrollment;

import java.time.Instant;
import java.util.List;

/**
 * What the hub must tell each kiosk on its next pull, recorded by the administrator's commands (operator
 * changes, revocation, sealing-key rotation) in the hub's database and read by the sync update feed
 * ({@code GET /api/sync/updates}), which signs and delivers them in {@code id} order. Recording is durable
 * and per kiosk: a change that concerns several kiosks is one update each. Thread-safe.
 */
public interface PendingKioskUpdates {

    enum Kind {
        /** Body: an {@code OperatorRecord} ({@code {"name","role","passphraseHash"}}): add or replace the operator. */
        OPERATOR_SET,
        /** Body: {@code {"name"}}: the operator can no longer unlock this kiosk. */
        OPERATOR_REMOVED,
        /** Body: {@code {"reason","orderedAt"}}: destroy the local keys and stop registering. */
        WIPE,
        /** Body: {@code {"keyId","publicKey"}}: seal new events to this hub key from now on. */
        SEALING_KEY
    }

    /** One update; {@code id} grows with every update recorded, across kiosks. */
    record Update(long id, String kioskId, Kind kind, String bodyJson, Instant createdAt) {
    }

    void record(String kioskId, Kind kind, String bodyJson, Instant now);

    /** Updates for {@code kioskId} not yet delivered with an id above {@code afterId}, oldest first. */
    List<Update> pendingFor(String kioskId, long afterId, int limit);

    /** The kiosk confirmed everything up to {@code upToId}: those are delivered. */
    void markDelivered(String kioskId, long upToId, Instant now);
}
