package org.threshold.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.EventHeader;
import org.threshold.core.event.SignedEvent;

/** {@link EventStore} on SQLite. Thread-safe. */
public final class SqliteEventStore implements EventStore {
    private final SqliteDatabase database;

    public SqliteEventStore(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public <T> T withChain(String kioskId, Function<KioskChain, T> work) {
        return database.write("Storing events", connection -> work.apply(new SqliteKioskChain(connection, kioskId)));
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        return database.read("Reading stored events", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT position, envelope FROM events WHERE position > ? ORDER BY position LIMIT ?")) {
                select.setLong(1, position);
                select.setInt(2, limit);
                List<StoredEvent> events = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new StoredEvent(rows.getLong(1), rows.getBytes(2)));
                    }
                }
                return events;
            }
        });
    }

    @Override
    public long lastPosition() {
        return database.read("Reading the last event position", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM events");
                 ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    /** Wraps checked SQL failures so the transaction in {@link SqliteDatabase#write} rolls back and reports them. */
    private static final class SqliteKioskChain implements KioskChain {
        private static final int ID_CHUNK = 500;

        private final Connection connection;
        private final String kioskId;

        SqliteKioskChain(Connection connection, String kioskId) {
            this.connection = connection;
            this.kioskId = kioskId;
        }

        @Override
        public ChainPosition head() {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sequence, hash FROM kiosk_heads WHERE kiosk_id = ?")) {
                select.setString(1, kioskId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? new ChainPosition(rows.getLong(1), rows.getBytes(2)) : ChainPosition.GENESIS;
                }
            } catch (SQLException e) {
                throw new StoreException("Reading a kiosk's head failed: " + e.getMessage(), e);
            }
        }

        @Override
        public Optional<byte[]> hashAt(long sequence) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT hash FROM events WHERE kiosk_id = ? AND sequence = ?")) {
                select.setString(1, kioskId);
                select.setLong(2, sequence);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("Reading a held event's hash failed: " + e.getMessage(), e);
            }
        }

        @Override
        public Map<Long, byte[]> hashesBetween(long first, long last) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sequence, hash FROM events WHERE kiosk_id = ? AND sequence BETWEEN ? AND ?")) {
                select.setString(1, kioskId);
                select.setLong(2, first);
                select.setLong(3, last);
                Map<Long, byte[]> hashes = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hashes.put(rows.getLong(1), rows.getBytes(2));
                    }
                }
                return hashes;
            } catch (SQLException e) {
                throw new StoreException("Reading held events' hashes failed: " + e.getMessage(), e);
            }
        }

        @Override
        public Set<UUID> heldEventIds(Collection<UUID> eventIds) {
            List<String> ids = eventIds.stream().map(UUID::toString).toList();
            Set<UUID> held = new HashSet<>();
            // Well under SQLite's limit on bound parameters, and one prepared statement serves every full chunk.
            for (int from = 0; from < ids.size(); from += ID_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(from + ID_CHUNK, ids.size()));
                String sql = "SELECT event_id FROM events WHERE event_id IN ("
                        + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            held.add(UUID.fromString(rows.getString(1)));
                        }
                    }
                } catch (SQLException e) {
                    throw new StoreException("Looking up event ids failed: " + e.getMessage(), e);
                }
            }
            return held;
        }

        @Override
        public void append(List<SignedEvent> events, Instant receivedAt) {
            if (events.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events "
                    + "(event_id, kiosk_id, sequence, hash, envelope, received_at) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement moveHead = connection.prepareStatement("INSERT INTO kiosk_heads (kiosk_id, sequence, "
                         + "hash) VALUES (?, ?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET sequence = excluded.sequence, "
                         + "hash = excluded.hash")) {
                for (SignedEvent event : events) {
                    EventHeader header = event.header();
                    insert.setString(1, header.eventId().toString());
                    insert.setString(2, header.kioskId());
                    insert.setLong(3, header.sequence());
                    insert.setBytes(4, event.hash());
                    insert.setBytes(5, event.encode());
                    insert.setLong(6, receivedAt.toEpochMilli());
                    insert.addBatch();
                }
                insert.executeBatch();
                SignedEvent last = events.get(events.size() - 1);
                moveHead.setString(1, kioskId);
                moveHead.setLong(2, last.header().sequence());
                moveHead.setBytes(3, last.hash());
                moveHead.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("Storing events failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void recordContact(Instant at, Optional<SyncIncident> incident) {
            boolean gap = incident.map(SyncIncident::isGap).orElse(false);
            boolean fork = incident.map(SyncIncident::isFork).orElse(false);
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO kiosk_sync (kiosk_id, "
                    + "last_contact, gaps, forks) VALUES (?, ?, ?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET "
                    + "last_contact = excluded.last_contact, gaps = gaps + excluded.gaps, "
                    + "forks = forks + excluded.forks")) {
                upsert.setString(1, kioskId);
                upsert.setLong(2, at.toEpochMilli());
                upsert.setInt(3, gap ? 1 : 0);
                upsert.setInt(4, fork ? 1 : 0);
                upsert.executeUpdate();
                if (incident.isPresent()) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_incidents "
                            + "(kiosk_id, at, reason, sequence, detail) VALUES (?, ?, ?, ?, ?)")) {
                        insert.setString(1, kioskId);
                        insert.setLong(2, at.toEpochMilli());
                        insert.setString(3, incident.get().reason());
                        insert.setLong(4, incident.get().sequence());
                        insert.setString(5, incident.get().detail());
                        insert.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("Recording a kiosk's contact failed: " + e.getMessage(), e);
            }
        }
    }
}
