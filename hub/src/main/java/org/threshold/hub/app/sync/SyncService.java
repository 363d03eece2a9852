package org.threshold.hub.app.sync;

import java.time.Clock;
import java.util.List;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.kiosk.Kiosk;

/**
 * Takes in one kiosk's events, from the network or a USB bundle: only an enrolled, unrevoked kiosk's chain is
 * accepted, checked in the same transaction that stores its events, so a revocation made through any hub instance
 * holds at once. The events' own signatures are the authentication. Thread-safe.
 */
public final class SyncService {
    /** The most events one call takes. */
    public static final int MAX_EVENTS = 2_000;

    private final HubStore store;
    private final BatchIngest ingest;
    private final Runnable afterStore;

    /** @param afterStore run after a call stored new events, e.g. to wake the projections */
    public SyncService(HubStore store, Clock clock, Runnable afterStore) {
        this.store = store;
        this.ingest = new BatchIngest(clock);
        this.afterStore = afterStore;
    }

    /**
     * Verifies and stores what continues the kiosk's chain (see {@link BatchIngest}).
     *
     * @throws Refusal UNAUTHENTICATED {@code UNKNOWN_KIOSK}, FORBIDDEN {@code KIOSK_REVOKED}; nothing is stored
     */
    public IngestOutcome ingest(String kioskId, List<SignedEvent> events) {
        IngestOutcome outcome = store.inTransaction(repositories -> {
            Kiosk kiosk = repositories.kiosks().find(kioskId).orElseThrow(() -> new Refusal(
                    Refusal.Kind.UNAUTHENTICATED, "UNKNOWN_KIOSK", "Kiosk " + kioskId + " is not enrolled with this "
                    + "hub. Enroll it with `provision kiosk add`, or check the kiosk id in the kiosk's kiosk.json."));
            if (kiosk.revoked()) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "KIOSK_REVOKED", "Kiosk " + kioskId + " has been revoked "
                        + "by an administrator; the hub takes no more events from it and nothing was stored. If the "
                        + "kiosk is in safe hands, ask the administrator to enroll it again.");
            }
            return ingest.ingest(repositories, kioskId, kiosk.verifyingKey(), events);
        });
        BatchIngest.log(kioskId, events.size(), outcome);
        if (outcome.stored() > 0) {
            afterStore.run();
        }
        return outcome;
    }
}
