package org.threshold.hub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What administrators see of sync: each kiosk's last contact, head, event count, gaps and forks, and the
 * incidents behind them. Thread-safe.
 */
public final class SqliteSyncLedger {
    private final SqliteDatabase database;

    public SqliteSyncLedger(SqliteDatabase database) {
        this.database = database;
    }

    /** One kiosk's sync as the hub saw it; {@code lastContact} is null if it never called. */
    public record KioskSyncStatus(String kioskId, Instant lastContact, long highestSeq, long events, long gaps,
                                  long forks) {
    }

    public record Incident(String kioskId, Instant at, String reason, long sequence, String detail) {
    }

    /** Every kiosk that called or holds events, ordered by kiosk id. */
    public List<KioskSyncStatus> kiosks() {
        return database.read("Reading the kiosks' sync status", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    WITH ids AS (SELECT kiosk_id FROM kiosk_sync UNION SELECT kiosk_id FROM kiosk_heads)
                    SELECT ids.kiosk_id, s.last_contact, COALESCE(h.sequence, 0),
                           (SELECT count(*) FROM events e WHERE e.kiosk_id = ids.kiosk_id),
                           COALESCE(s.gaps, 0), COALESCE(s.forks, 0)
                    FROM ids LEFT JOIN kiosk_sync s ON s.kiosk_id = ids.kiosk_id
                             LEFT JOIN kiosk_heads h ON h.kiosk_id = ids.kiosk_id
                    ORDER BY ids.kiosk_id""");
                 ResultSet rows = select.executeQuery()) {
                List<KioskSyncStatus> kiosks = new ArrayList<>();
                while (rows.next()) {
                    long contact = rows.getLong(2);
                    Instant lastContact = rows.wasNull() ? null : Instant.ofEpochMilli(contact);
                    kiosks.add(new KioskSyncStatus(rows.getString(1), lastContact, rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), rows.getLong(6)));
                }
                return kiosks;
            }
        });
    }

    public List<Incident> incidents(String kioskId) {
        return database.read("Reading a kiosk's sync incidents", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT at, reason, sequence, detail FROM sync_incidents WHERE kiosk_id = ? ORDER BY id")) {
                select.setString(1, kioskId);
                List<Incident> incidents = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        incidents.add(new Incident(kioskId, Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2),
                                rows.getLong(3), rows.getString(4)));
                    }
                }
                return incidents;
            }
        });
    }
}
