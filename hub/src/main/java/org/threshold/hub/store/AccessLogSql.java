package org.threshold.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.event.ChainPosition;
import org.threshold.hub.app.audit.AccessLogEntry;
import org.threshold.hub.app.audit.AccessLogRepository;
import org.threshold.hub.app.audit.AccessQuery;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.audit.ChainedRecord;

/**
 * {@link AccessLogRepository} in plain JDBC on the transaction's connection, in SQL that SQLite and PostgreSQL both
 * run: the log's writer commits every read's record, so the general statement machinery cost more than the writes.
 * A page's record keeps the households it names in {@code access_log_households} (V21), by its seq and their place.
 */
final class AccessLogSql implements AccessLogRepository {
    private static final String RECORD = "at, username, action, outcome, household_id";

    private final Connection connection;

    AccessLogSql(Connection connection) {
        this.connection = connection;
    }

    /**
     * Creates the head row at genesis if missing, and otherwise rewrites it unchanged: on PostgreSQL that takes the
     * row's lock until commit (as {@code EventSql.touchHead} does for a kiosk's chain).
     */
    @Override
    public ChainPosition lockHead() {
        try (PreparedStatement touch = connection.prepareStatement("INSERT INTO access_log_head (id, seq, hash) "
                + "VALUES (1, 0, ?) ON CONFLICT (id) DO UPDATE SET seq = access_log_head.seq")) {
            touch.setBytes(1, ChainPosition.GENESIS.hash());
            touch.executeUpdate();
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
        return head().orElseThrow();
    }

    @Override
    public Optional<ChainPosition> head() {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, hash FROM access_log_head WHERE id = 1");
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(new ChainPosition(rows.getLong(1), rows.getBytes(2))) : Optional.empty();
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    @Override
    public void insertChained(List<ChainedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO access_log (" + RECORD
                + ", seq, hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement name = connection.prepareStatement("INSERT INTO access_log_households "
                     + "(seq, position, household_id, purpose) VALUES (?, ?, ?, ?)")) {
            boolean pages = false;
            for (ChainedRecord chained : records) {
                AccessRecord record = chained.record();
                insert.setLong(1, record.at().toEpochMilli());
                insert.setString(2, record.username());
                insert.setString(3, record.action());
                insert.setString(4, record.outcome());
                insert.setString(5, record.householdId() == null ? null : record.householdId().toString());
                insert.setLong(6, chained.seq());
                insert.setBytes(7, chained.hash());
                insert.addBatch();
                for (int position = 0; position < record.shown().size(); position++) {
                    AccessRecord.Shown shown = record.shown().get(position);
                    name.setLong(1, chained.seq());
                    name.setInt(2, position);
                    name.setString(3, shown.householdId().toString());
                    name.setString(4, shown.purpose());
                    name.addBatch();
                    pages = true;
                }
            }
            insert.executeBatch();
            if (pages) {
                name.executeBatch();
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    @Override
    public void moveHead(ChainPosition head) {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE access_log_head SET seq = ?, hash = ? WHERE id = 1")) {
            update.setLong(1, head.sequence());
            update.setBytes(2, head.hash());
            update.executeUpdate();
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    @Override
    public List<ChainedRecord> chain(long afterSeq, long uptoSeq, int limit) {
        List<ChainedRecord> chained = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        List<Row> found = select("SELECT id, seq, " + RECORD + ", hash FROM access_log WHERE seq > ? AND seq <= ? "
                + "ORDER BY seq LIMIT ?", List.of(afterSeq, uptoSeq, limit), hashes);
        for (int i = 0; i < found.size(); i++) {
            chained.add(new ChainedRecord(found.get(i).seq(), found.get(i).record(), hashes.get(i)));
        }
        return chained;
    }

    @Override
    public long maxSeq() {
        return number("SELECT COALESCE(MAX(seq), 0) FROM access_log");
    }

    @Override
    public long unchained() {
        return number("SELECT COUNT(*) FROM access_log WHERE seq IS NULL");
    }

    @Override
    public long unchainedLate() {
        return number("SELECT COUNT(*) FROM access_log WHERE seq IS NULL "
                + "AND id > (SELECT MIN(id) FROM access_log WHERE seq IS NOT NULL)");
    }

    /** A household's reads are its own records and the pages that name it (each once, however often it names it). */
    @Override
    public List<AccessLogEntry> search(AccessQuery query) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        filter(where, values, "username = ?", query.account());
        filter(where, values, "at >= ?", query.from() == null ? null : query.from().toEpochMilli());
        filter(where, values, "at < ?", query.to() == null ? null : query.to().toEpochMilli());
        filter(where, values, "action = ?", query.action());
        filter(where, values, "outcome = ?", query.outcome());
        if (query.householdId() != null) {
            where.add("(household_id = ? OR seq IN (SELECT seq FROM access_log_households WHERE household_id = ?))");
            values.add(query.householdId().toString());
            values.add(query.householdId().toString());
        }
        filter(where, values, "id < ?", query.beforeId());
        values.add(query.limit());
        List<Row> found = select("SELECT id, seq, " + RECORD + " FROM access_log"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id DESC LIMIT ?",
                values, null);
        return found.stream().map(row -> new AccessLogEntry(row.id(), row.record(), row.seq() != null)).toList();
    }

    private static void filter(List<String> where, List<Object> values, String condition, Object value) {
        if (value != null) {
            where.add(condition);
            values.add(value);
        }
    }

    @Override
    public long count() {
        return number("SELECT COUNT(*) FROM access_log");
    }

    @Override
    public List<AccessRecord> latest(int limit) {
        return select("SELECT id, seq, " + RECORD + " FROM access_log ORDER BY id DESC LIMIT ?", List.of(limit),
                null).stream().map(Row::record).toList();
    }

    private record Row(long id, Long seq, AccessRecord record) {
    }

    /**
     * The records {@code sql} selects (id, seq, the record's columns, and the hash into {@code hashes} if given), each
     * page's record with the households it names.
     */
    private List<Row> select(String sql, List<Object> values, List<byte[]> hashes) {
        record Read(long id, Long seq, long at, String username, String action, String outcome, String household) {
        }
        List<Read> read = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, values);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(2);
                    read.add(new Read(rows.getLong(1), rows.wasNull() ? null : seq, rows.getLong(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)));
                    if (hashes != null) {
                        hashes.add(rows.getBytes(8));
                    }
                }
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
        Map<Long, List<AccessRecord.Shown>> pages = shown(read.stream().filter(row -> row.household() == null)
                .map(Read::seq).filter(Objects::nonNull).toList());
        List<Row> found = new ArrayList<>(read.size());
        for (Read row : read) {
            found.add(new Row(row.id(), row.seq(), new AccessRecord(Instant.ofEpochMilli(row.at()),
                    row.username(), row.action(), row.outcome(),
                    row.household() == null ? null : UUID.fromString(row.household()),
                    row.seq() == null ? List.of() : pages.getOrDefault(row.seq(), List.of()))));
        }
        return found;
    }

    /** The households each of {@code seqs} (records naming no one household) names, in their page's order. */
    private Map<Long, List<AccessRecord.Shown>> shown(List<Long> seqs) {
        Map<Long, List<AccessRecord.Shown>> shown = new HashMap<>();
        if (seqs.isEmpty()) {
            return shown;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, household_id, purpose FROM "
                + "access_log_households WHERE seq IN (" + String.join(", ", Collections.nCopies(
                seqs.size(), "?")) + ") ORDER BY seq, position")) {
            bind(select, new ArrayList<>(seqs));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    shown.computeIfAbsent(rows.getLong(1), seq -> new ArrayList<>()).add(
                            new AccessRecord.Shown(UUID.fromString(rows.getString(2)), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
        return shown;
    }

    private long number(String sql) {
        try (PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else {
                statement.setLong(i + 1, ((Number) value).longValue());
            }
        }
    }
}
