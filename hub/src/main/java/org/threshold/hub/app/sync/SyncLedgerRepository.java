package org.threshold.hub.app.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What administrators see of sync: each kiosk's last contact, head, events, gaps and forks, and the incidents. */
public interface SyncLedgerRepository {

    /** One kiosk's sync as the hub saw it; {@code lastContact} is null if it never called. */
    record KioskSyncStatus(String kioskId, Instant lastContact, long highestSeq, long events, long gaps, long forks) {
    }

    record Incident(String kioskId, Instant at, String reason, long sequence, String detail) {
    }

    /** Records that the kiosk called; with {@code incident} (a gap or a fork it showed), counts and keeps it. */
    void recordContact(String kioskId, Instant at, Optional<SyncIncident> incident);

    /** Every kiosk that called or holds events, ordered by kiosk id. */
    List<KioskSyncStatus> kiosks();

    List<Incident> incidents(String kioskId);
}
