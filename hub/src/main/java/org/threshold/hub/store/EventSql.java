package org.threshold.hub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.EventHeader;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.sync.EventRepository;
import org.threshold.hub.app.sync.HeldEvent;
import org.threshold.hub.app.sync.StoredEvent;

/** {@link EventRepository} in SQL that SQLite and PostgreSQL both run, but for how each takes a batch's rows. */
interface EventSql extends EventRepository, SqlObject {
    // A whole batch's ids in one read (SyncService.MAX_EVENTS), well under either database's limit on bound
    // parameters; one statement shape serves every full chunk.
    int ID_CHUNK = 2_000;

    /**
     * Creates the head row at genesis if missing, and otherwise rewrites it unchanged, and returns it: on PostgreSQL
     * that takes the row's lock until commit, so a second instance appending to the same chain waits here, then
     * reads the new head.
     */
    @SqlQuery("INSERT INTO kiosk_heads (kiosk_id, sequence, hash) VALUES (:kioskId, 0, :genesis) "
            + "ON CONFLICT (kiosk_id) DO UPDATE SET sequence = kiosk_heads.sequence RETURNING sequence, hash")
    @RegisterConstructorMapper(ChainPosition.class)
    ChainPosition touchHead(@Bind("kioskId") String kioskId, @Bind("genesis") byte[] genesis);

    @Override
    default ChainPosition lockHead(String kioskId) {
        return touchHead(kioskId, ChainPosition.GENESIS.hash());
    }

    @Override
    default Map<Long, byte[]> hashesBetween(String kioskId, long first, long last) {
        Map<Long, byte[]> hashes = new HashMap<>();
        getHandle().createQuery("SELECT sequence, hash FROM events WHERE kiosk_id = :kioskId "
                        + "AND sequence BETWEEN :first AND :last")
                .bind("kioskId", kioskId).bind("first", first).bind("last", last)
                .map((rows, context) -> hashes.put(rows.getLong(1), rows.getBytes(2)))
                .forEach(ignored -> { });
        return hashes;
    }

    /**
     * On plain JDBC, positional parameters: jdbi's list binding named and bound each of a batch's 2,000 ids and
     * parsed the statement anew for each list length, the largest part of ingest's own CPU per event.
     */
    @Override
    default Set<UUID> heldEventIds(Collection<UUID> eventIds) {
        List<UUID> ids = List.copyOf(eventIds);
        Set<UUID> held = new HashSet<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(from + ID_CHUNK, ids.size()));
            try (PreparedStatement select = getHandle().getConnection().prepareStatement(
                    "SELECT event_id FROM events WHERE event_id IN (?" + ", ?".repeat(chunk.size() - 1) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i).toString());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        held.add(UUID.fromString(rows.getString(1)));
                    }
                }
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException("Could not read which event ids are held", e, null);
            }
        }
        return held;
    }

    @SqlUpdate("UPDATE kiosk_heads SET sequence = :sequence, hash = :hash WHERE kiosk_id = :kioskId")
    void moveHead(@Bind("kioskId") String kioskId, @Bind("sequence") long sequence, @Bind("hash") byte[] hash);

    @Override
    default void append(String kioskId, List<SignedEvent> events, Instant receivedAt) {
        if (events.isEmpty()) {
            return;
        }
        try {
            insertRows(events, receivedAt.toEpochMilli());
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("Could not store a kiosk's events", e, null);
        }
        SignedEvent last = events.get(events.size() - 1);
        moveHead(kioskId, last.header().sequence(), last.hash());
    }

    /**
     * Inserts the events' rows the dialect's fastest way, on plain JDBC: jdbi's binding by name cost more per row than
     * SQLite's insert. The database still checks every unique key (a held id, a second event at a sequence).
     */
    void insertRows(List<SignedEvent> events, long receivedAtMillis) throws SQLException;

    /** SQLite: one prepared statement, a batch of rows. */
    interface OnSqlite extends EventSql {
        @Override
        default void insertRows(List<SignedEvent> events, long receivedAtMillis) throws SQLException {
            try (PreparedStatement insert = getHandle().getConnection().prepareStatement("INSERT INTO events "
                    + "(event_id, kiosk_id, sequence, hash, envelope, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (SignedEvent event : events) {
                    EventHeader header = event.header();
                    insert.setString(1, header.eventId().toString());
                    insert.setString(2, header.kioskId());
                    insert.setLong(3, header.sequence());
                    insert.setBytes(4, event.hash());
                    insert.setBytes(5, event.encode());
                    insert.setLong(6, receivedAtMillis);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /**
     * PostgreSQL: one binary {@code COPY} of the batch, the fastest way rows enter it, in the batch's transaction
     * (a failed row fails the whole COPY and the transaction with it, as a failed INSERT would).
     */
    interface OnPostgres extends EventSql {
        @Override
        default void insertRows(List<SignedEvent> events, long receivedAtMillis) throws SQLException {
            CopyIn copy = getHandle().getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY events (event_id, kiosk_id, sequence, hash, envelope, received_at) FROM STDIN (FORMAT binary)");
            try {
                byte[] rows = PostgresBinaryRows.of(events, receivedAtMillis);
                copy.writeToCopy(rows, 0, rows.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    /** Numbers up to {@code max} unnumbered events after {@code after}, in storage order, in one statement. */
    @SqlUpdate("UPDATE events SET projection_seq = numbered.sequence FROM (SELECT position, "
            + ":after + ROW_NUMBER() OVER (ORDER BY position) AS sequence FROM events WHERE projection_seq IS NULL "
            + "ORDER BY position LIMIT :max) AS numbered WHERE events.position = numbered.position")
    int numberAwaiting(@Bind("after") long after, @Bind("max") int max);

    @Override
    default int sequenceForProjection(int max) {
        return numberAwaiting(lastSequenced(), max);
    }

    @Override
    @SqlQuery("SELECT projection_seq AS sequence, envelope FROM events WHERE projection_seq > :after "
            + "ORDER BY projection_seq LIMIT :limit")
    @RegisterConstructorMapper(StoredEvent.class)
    List<StoredEvent> sequencedAfter(@Bind("after") long after, @Bind("limit") int limit);

    @Override
    @SqlQuery("SELECT COALESCE(MAX(projection_seq), 0) FROM events")
    long lastSequenced();

    @Override
    @SqlQuery("SELECT COUNT(*) FROM events")
    long count();

    @Override
    @SqlQuery("SELECT sequence, event_id, hash FROM events WHERE kiosk_id = :kioskId ORDER BY sequence, position")
    @RegisterConstructorMapper(HeldEvent.class)
    List<HeldEvent> chain(@Bind("kioskId") String kioskId);

    @Override
    default Map<String, ChainPosition> heads() {
        Map<String, ChainPosition> heads = new HashMap<>();
        getHandle().createQuery("SELECT kiosk_id, sequence, hash FROM kiosk_heads WHERE sequence > 0")
                .map((rows, context) -> heads.put(rows.getString(1), new ChainPosition(rows.getLong(2),
                        rows.getBytes(3))))
                .forEach(ignored -> { });
        return heads;
    }

    @Override
    default Map<UUID, byte[]> envelopes(Collection<UUID> eventIds) {
        Map<UUID, byte[]> envelopes = new HashMap<>();
        if (eventIds.isEmpty()) {
            return envelopes;
        }
        getHandle().createQuery("SELECT event_id, envelope FROM events WHERE event_id IN (<ids>)")
                .bindList("ids", eventIds.stream().map(UUID::toString).toList())
                .map((rows, context) -> envelopes.put(UUID.fromString(rows.getString(1)), rows.getBytes(2)))
                .forEach(ignored -> { });
        return envelopes;
    }

    @Override
    default void redact(Map<UUID, byte[]> redactedByEvent) {
        if (redactedByEvent.isEmpty()) {
            return;
        }
        PreparedBatch update = getHandle().prepareBatch("UPDATE events SET envelope = :envelope WHERE event_id = :id");
        redactedByEvent.forEach((id, envelope) -> update.bind("id", id).bind("envelope", envelope).add());
        update.execute();
    }

    @Override
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM households WHERE event_id = :id AND erased_at IS NOT NULL) "
            + "OR EXISTS (SELECT 1 FROM household_history c JOIN households h ON h.household_id = c.household_id "
            + "WHERE c.event_id = :id AND h.erased_at IS NOT NULL) "
            // A retention redaction leaves the referral's request whole; an erasure cuts it too.
            + "OR EXISTS (SELECT 1 FROM referral_events e JOIN referrals r ON r.referral_id = e.referral_id "
            + "JOIN referral_redactions x ON x.referral_id = r.referral_id "
            + "WHERE e.event_id = :id AND (x.cause = 'ERASED' OR e.event_id <> r.event_id)) "
            + "OR EXISTS (SELECT 1 FROM referrals r JOIN referral_redactions x ON x.referral_id = r.referral_id "
            + "WHERE r.event_id = :id AND x.cause = 'ERASED')")
    boolean cutByRecord(@Bind("id") UUID eventId);
}
