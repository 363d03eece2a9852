package org.threshold.hub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What administrators see of sync: each kiosk's last contact, head, event count, gaps and forks, the incidents
 * behind them, and which kiosks are revoked. Thread-safe.
 */
public final class SqliteSyncLedger {
    private final SqliteDatabase database;

    public SqliteSyncLedger(SqliteDatabase database) {
        this.database = database;
    }

    /** One kiosk's sync as the hub saw it; {@code lastContact} is null if it never called. */
    public record KioskSyncStatus(String kioskId, Instant lastContact, long highestSeq, long events, long gaps,
                                  long forks, boolean revoked) {
    }

    public record Incident(String kioskId, Instant at, String reason, long sequence, String detail) {
    }

    public record Revocation(String kioskId, Instant revokedAt, boolean wipe) {
    }

    /** Every kiosk that called, holds events, or is revoked; ordered by kiosk id. */
    public List<KioskSyncStatus> kiosks() {
        return database.read("Reading the kiosks' sync status", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    WITH ids AS (SELECT kiosk_id FROM kiosk_sync UNION SELECT kiosk_id FROM kiosk_heads
                                 UNION SELECT kiosk_id FROM revoked_kiosks)
                    SELECT ids.kiosk_id, s.last_contact, COALESCE(h.sequence, 0),
                           (SELECT count(*) FROM events e WHERE e.kiosk_id = ids.kiosk_id),
                           COALESCE(s.gaps, 0), COALESCE(s.forks, 0), r.kiosk_id IS NOT NULL
                    FROM ids LEFT JOIN kiosk_sync s ON s.kiosk_id = ids.kiosk_id
                             LEFT JOIN kiosk_heads h ON h.kiosk_id = ids.kiosk_id
                             LEFT JOIN revoked_kiosks r ON r.kiosk_id = ids.kiosk_id
                    ORDER BY ids.kiosk_id""");
                 ResultSet rows = select.executeQuery()) {
                List<KioskSyncStatus> kiosks = new ArrayList<>();
                while (rows.next()) {
                    long contact = rows.getLong(2);
                    Instant lastContact = rows.wasNull() ? null : Instant.ofEpochMilli(contact);
                    kiosks.add(new KioskSyncStatus(rows.getString(1), lastContact, rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), rows.getLong(6), rows.getBoolean(7)));
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

    /** Refuses the kiosk's batches from now on; its update feed still serves it (that is how it learns). */
    public void revoke(String kioskId, boolean wipe, Instant at) {
        database.write("Revoking a kiosk", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO revoked_kiosks (kiosk_id, "
                    + "revoked_at, wipe) VALUES (?, ?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET wipe = max(wipe, "
                    + "excluded.wipe)")) {
                insert.setString(1, kioskId);
                insert.setLong(2, at.toEpochMilli());
                insert.setBoolean(3, wipe);
                return insert.executeUpdate();
            }
        });
    }

    public Optional<Revocation> revocation(String kioskId) {
        return database.read("Reading a kiosk's revocation", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT revoked_at, wipe FROM revoked_kiosks WHERE kiosk_id = ?")) {
                select.setString(1, kioskId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new Revocation(kioskId, Instant.ofEpochMilli(rows.getLong(1)),
                            rows.getBoolean(2))) : Optional.empty();
                }
            }
        });
    }
}
