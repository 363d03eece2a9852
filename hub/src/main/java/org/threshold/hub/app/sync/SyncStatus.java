package org.threshold.hub.app.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.kiosk.Kiosk;
import org.threshold.hub.app.sync.SyncLedgerRepository.Incident;
import org.threshold.hub.app.sync.SyncLedgerRepository.KioskSyncStatus;

/** What administrators see of the kiosks' sync, from the admin API or the command line. Thread-safe. */
public final class SyncStatus {
    private final HubStore store;

    public SyncStatus(HubStore store) {
        this.store = store;
    }

    /** One kiosk: {@code lastContact} is null if it never called; {@code site} null if it is not in the directory. */
    public record KioskReport(String kioskId, String site, Instant lastContact, long highestSeq, long events,
                              long gaps, long forks, boolean revoked) {
    }

    /** Every enrolled kiosk, also those never heard from, and every kiosk that called, by id. */
    public List<KioskReport> kiosks() {
        return store.read(repositories -> {
            Map<String, KioskReport> byId = new TreeMap<>();
            Map<String, Kiosk> enrolled = new TreeMap<>();
            for (Kiosk kiosk : repositories.kiosks().all()) {
                enrolled.put(kiosk.kioskId(), kiosk);
                byId.put(kiosk.kioskId(), new KioskReport(kiosk.kioskId(), kiosk.site(), null, 0, 0, 0, 0,
                        kiosk.revoked()));
            }
            for (KioskSyncStatus status : repositories.syncLedger().kiosks()) {
                Kiosk kiosk = enrolled.get(status.kioskId());
                byId.put(status.kioskId(), new KioskReport(status.kioskId(), kiosk == null ? null : kiosk.site(),
                        status.lastContact(), status.highestSeq(), status.events(), status.gaps(), status.forks(),
                        kiosk != null && kiosk.revoked()));
            }
            return List.copyOf(byId.values());
        });
    }

    public List<Incident> incidents(String kioskId) {
        return store.read(repositories -> repositories.syncLedger().incidents(kioskId));
    }

    /** The kiosk's chain as the hub holds it, to set beside the kiosk's own: a gap or a fork shows. */
    public List<HeldEvent> chain(String kioskId) {
        return store.read(repositories -> repositories.events().chain(kioskId));
    }
}
