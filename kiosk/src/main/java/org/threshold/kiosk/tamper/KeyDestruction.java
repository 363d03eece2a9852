package org.threshold.kiosk.tamper;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.OperatorKeyStore;

/**
 * Destroys the kiosk's local key material at once, on a tamper signal or on the hub's revocation:
 * every wrap of the local data key, every local copy and the name index go in one transaction
 * ({@code secure_delete} zeroes the pages), the write-ahead log is checkpointed and truncated, and
 * every session is locked, wiping the keys in memory. The kiosk then refuses to unlock and says why.
 * Hub-sealed events and tokens stay and still sync. Idempotent; thread-safe.
 */
public final class KeyDestruction implements TamperResponse {
    public static final String TAMPER = "TAMPER";
    public static final String REVOKED = "REVOKED";
    private static final Logger LOG = LoggerFactory.getLogger(KeyDestruction.class);

    private final KioskDatabase database;
    private final OperatorKeyStore keys;
    private final OperatorSessions sessions;
    private final Clock clock;

    public KeyDestruction(KioskDatabase database, OperatorKeyStore keys, OperatorSessions sessions, Clock clock) {
        this.database = database;
        this.keys = keys;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void tamperDetected(String source) {
        try {
            destroy(TAMPER, clock.instant());
            LOG.warn("TAMPER signal from {}: local keys destroyed, the kiosk no longer unlocks", source);
        } catch (RuntimeException e) {
            // Every in-memory key is gone even so (sessions lock whatever happens), but the wraps may still
            // be on disk and the next start would not know: say so loudly.
            LOG.error("TAMPER signal from {}: sessions locked, but destroying the stored key material failed: {}",
                    source, e.getClass().getName());
        }
    }

    /**
     * The hub revoked this kiosk. The caller (the sync client's revocation feed) has checked that the
     * revocation is signed by the hub this kiosk was enrolled with and names this kiosk.
     *
     * @param revokedAt when the hub revoked the kiosk, for the record
     */
    public void revokedByHub(Instant revokedAt) {
        destroy(REVOKED, revokedAt);
        LOG.warn("The hub revoked this kiosk (as of {}): local keys destroyed, the kiosk no longer unlocks", revokedAt);
    }

    private void destroy(String reason, Instant at) {
        sessions.destroyKeysAndLockAll(() -> {
            keys.destroyAll(reason, at);
            database.checkpoint();
        }, "locked: local keys destroyed (" + reason + ")");
    }
}
