package org.threshold.hub.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.sync.SyncIncident;
import org.threshold.hub.app.sync.SyncLedgerRepository;

interface SyncLedgerSql extends SyncLedgerRepository {

    @SqlUpdate("INSERT INTO kiosk_sync (kiosk_id, last_contact, gaps, forks) VALUES (:kioskId, :at, :gaps, :forks) "
            + "ON CONFLICT (kiosk_id) DO UPDATE SET last_contact = excluded.last_contact, "
            + "gaps = kiosk_sync.gaps + excluded.gaps, forks = kiosk_sync.forks + excluded.forks")
    void contact(@Bind("kioskId") String kioskId, @Bind("at") Instant at, @Bind("gaps") int gaps,
                 @Bind("forks") int forks);

    @SqlUpdate("INSERT INTO sync_incidents (kiosk_id, at, reason, sequence, detail) "
            + "VALUES (:kioskId, :at, :reason, :sequence, :detail)")
    void incident(@Bind("kioskId") String kioskId, @Bind("at") Instant at, @Bind("reason") String reason,
                  @Bind("sequence") long sequence, @Bind("detail") String detail);

    @Override
    default void recordContact(String kioskId, Instant at, Optional<SyncIncident> incident) {
        contact(kioskId, at, incident.filter(SyncIncident::isGap).isPresent() ? 1 : 0,
                incident.filter(SyncIncident::isFork).isPresent() ? 1 : 0);
        incident.ifPresent(found -> incident(kioskId, at, found.reason(), found.sequence(), found.detail()));
    }

    /** Kiosks only: the hub's own chain ({@code HubEvents.CHAIN}, "HUB") has a head but is no kiosk. */
    @Override
    @SqlQuery("""
            WITH ids AS (SELECT kiosk_id FROM kiosk_sync UNION SELECT kiosk_id FROM kiosk_heads WHERE kiosk_id <> 'HUB')
            SELECT ids.kiosk_id, s.last_contact, COALESCE(h.sequence, 0) AS highest_seq,
                   (SELECT COUNT(*) FROM events e WHERE e.kiosk_id = ids.kiosk_id) AS events,
                   COALESCE(s.gaps, 0) AS gaps, COALESCE(s.forks, 0) AS forks
            FROM ids LEFT JOIN kiosk_sync s ON s.kiosk_id = ids.kiosk_id
                     LEFT JOIN kiosk_heads h ON h.kiosk_id = ids.kiosk_id
            ORDER BY ids.kiosk_id""")
    @RegisterConstructorMapper(KioskSyncStatus.class)
    List<KioskSyncStatus> kiosks();

    @Override
    @SqlQuery("SELECT kiosk_id, at, reason, sequence, detail FROM sync_incidents WHERE kiosk_id = :kioskId ORDER BY id")
    @RegisterConstructorMapper(Incident.class)
    List<Incident> incidents(@Bind("kioskId") String kioskId);
}
