package org.threshold.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.SignedEvent;

/**
 * The kiosk's hash chain of signed events and how far the hub has acknowledged it. Events are never
 * deleted here; syncing only flips {@code synced}. Thread-safe.
 */
public final class EventLog {
    private final KioskDatabase database;

    public EventLog(KioskDatabase database) {
        this.database = database;
    }

    /** An event waiting for the hub, as stored. */
    public record PendingEvent(long sequence, byte[] envelope) {
    }

    public record Counts(long total, long pending) {
    }

    /** Whether the last exchange with the hub worked, and when it last did. */
    public record SyncState(long ackedSequence, Instant lastSyncAt, String lastSyncError) {
    }

    public ChainPosition chainHead() {
        return database.read("read the chain head", EventLog::head);
    }

    static ChainPosition head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sequence, hash FROM events ORDER BY sequence DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? new ChainPosition(row.getLong(1), row.getBytes(2)) : ChainPosition.GENESIS;
        }
    }

    static void insert(Connection connection, SignedEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events "
                + "(sequence, event_id, type, recorded_at, hash, envelope) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, event.header().sequence());
            insert.setString(2, event.header().eventId().toString());
            insert.setString(3, event.header().type().wireName());
            insert.setString(4, event.header().recordedAt().toString());
            insert.setBytes(5, event.hash());
            insert.setBytes(6, event.encode());
            insert.executeUpdate();
        }
    }

    /**
     * The oldest unsynced events in sequence order: at most {@code maxEvents}, and no more than
     * {@code maxBase64Bytes} once Base64-encoded for the wire (but always at least one).
     */
    public List<PendingEvent> unsynced(int maxEvents, long maxBase64Bytes) {
        return database.read("read unsynced events", connection -> {
            List<PendingEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sequence, envelope FROM events WHERE synced = 0 ORDER BY sequence LIMIT ?")) {
                select.setInt(1, maxEvents);
                try (ResultSet rows = select.executeQuery()) {
                    long size = 0;
                    while (rows.next()) {
                        byte[] envelope = rows.getBytes(2);
                        size += 4L * ((envelope.length + 2) / 3);
                        if (size > maxBase64Bytes && !events.isEmpty()) {
                            break;
                        }
                        events.add(new PendingEvent(rows.getLong(1), envelope));
                    }
                }
            }
            return events;
        });
    }

    public Optional<byte[]> hashAt(long sequence) {
        return database.read("read an event hash", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT hash FROM events WHERE sequence = ?")) {
                select.setLong(1, sequence);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Marks every event up to {@code sequence} as held by the hub, after the caller has checked the
     * hub's signed acknowledgement. Returns how many events were newly marked.
     */
    public int acknowledge(long sequence) {
        return database.transaction("mark events as synced", connection -> {
            int marked;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE events SET synced = 1 WHERE sequence <= ? AND synced = 0")) {
                update.setLong(1, sequence);
                marked = update.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sync_state SET acked_sequence = max(acked_sequence, ?) WHERE id = 1")) {
                update.setLong(1, sequence);
                update.executeUpdate();
            }
            return marked;
        });
    }

    public void recordSyncSuccess(Instant at) {
        updateSyncState("UPDATE sync_state SET last_sync_at = ?, last_sync_error = NULL WHERE id = 1", at.toString());
    }

    /** Keeps the time of the last successful sync, so the status shows how long the kiosk has been cut off. */
    public void recordSyncFailure(String error) {
        updateSyncState("UPDATE sync_state SET last_sync_error = ? WHERE id = 1", error);
    }

    private void updateSyncState(String sql, String value) {
        database.transaction("record the sync result", connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, value);
                return update.executeUpdate();
            }
        });
    }

    public SyncState syncState() {
        return database.read("read the sync state", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT acked_sequence, last_sync_at, last_sync_error FROM sync_state WHERE id = 1");
                 ResultSet row = select.executeQuery()) {
                row.next();
                String lastSyncAt = row.getString(2);
                return new SyncState(row.getLong(1), lastSyncAt == null ? null : Instant.parse(lastSyncAt),
                        row.getString(3));
            }
        });
    }

    public Counts counts() {
        return database.read("count events", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count(*), coalesce(sum(synced = 0), 0) FROM events");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return new Counts(row.getLong(1), row.getLong(2));
            }
        });
    }

    /**
     * The hub holds this kiosk's chain only up to {@code sequence} (it lost events it had acknowledged, e.g. it
     * was restored from a backup) and asks for the rest again: events after it become unsynced, so they are
     * sent again. Nothing is deleted. Returns how many events were reopened.
     */
    public int reopenAfter(long sequence) {
        return database.transaction("reopen events for resending", connection -> {
            int reopened;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE events SET synced = 0 WHERE sequence > ? AND synced = 1")) {
                update.setLong(1, sequence);
                reopened = update.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sync_state SET acked_sequence = min(acked_sequence, ?) WHERE id = 1")) {
                update.setLong(1, sequence);
                update.executeUpdate();
            }
            return reopened;
        });
    }
}
