package org.threshold.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.core.event.ChainPosition;
import org.threshold.hub.app.audit.AccessLogEntry;
import org.threshold.hub.app.audit.AccessLogRepository;
import org.threshold.hub.app.audit.AccessQuery;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.audit.ChainedRecord;

/** {@link AccessLogRepository} in SQL that SQLite and PostgreSQL both run. */
interface AccessLogSql extends AccessLogRepository, SqlObject {
    String RECORD = "at, username, action, outcome, household_id";

    /**
     * Creates the head row at genesis if missing, and otherwise rewrites it unchanged: on PostgreSQL that takes the
     * row's lock until commit (as {@code EventSql.touchHead} does for a kiosk's chain).
     */
    @SqlUpdate("INSERT INTO access_log_head (id, seq, hash) VALUES (1, 0, :genesis) "
            + "ON CONFLICT (id) DO UPDATE SET seq = access_log_head.seq")
    void touchHead(@Bind("genesis") byte[] genesis);

    @Override
    default ChainPosition lockHead() {
        touchHead(ChainPosition.GENESIS.hash());
        return head().orElseThrow();
    }

    @Override
    @SqlQuery("SELECT seq AS sequence, hash FROM access_log_head WHERE id = 1")
    @RegisterConstructorMapper(ChainPosition.class)
    Optional<ChainPosition> head();

    @Override
    default void insertChained(List<ChainedRecord> records) {
        var batch = getHandle().prepareBatch("INSERT INTO access_log (" + RECORD + ", seq, hash) "
                + "VALUES (:at, :username, :action, :outcome, :householdId, :seq, :hash)");
        for (ChainedRecord chained : records) {
            AccessRecord record = chained.record();
            batch.bind("at", record.at()).bind("username", record.username()).bind("action", record.action())
                    .bind("outcome", record.outcome())
                    .bindByType("householdId", record.householdId(), java.util.UUID.class)
                    .bind("seq", chained.seq()).bind("hash", chained.hash()).add();
        }
        if (!records.isEmpty()) {
            batch.execute();
        }
    }

    @SqlUpdate("UPDATE access_log_head SET seq = :sequence, hash = :hash WHERE id = 1")
    void moveHead(@Bind("sequence") long sequence, @Bind("hash") byte[] hash);

    @Override
    default void moveHead(ChainPosition head) {
        moveHead(head.sequence(), head.hash());
    }

    @Override
    default List<ChainedRecord> chain(long afterSeq, long uptoSeq, int limit) {
        return getHandle().createQuery("SELECT " + RECORD + ", seq, hash FROM access_log "
                        + "WHERE seq > :after AND seq <= :upto ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq).bind("upto", uptoSeq).bind("limit", limit)
                .map((rows, context) -> new ChainedRecord(rows.getLong("seq"), record(rows, context),
                        rows.getBytes("hash")))
                .list();
    }

    @Override
    @SqlQuery("SELECT COALESCE(MAX(seq), 0) FROM access_log")
    long maxSeq();

    @Override
    @SqlQuery("SELECT COUNT(*) FROM access_log WHERE seq IS NULL")
    long unchained();

    @Override
    @SqlQuery("SELECT COUNT(*) FROM access_log WHERE seq IS NULL "
            + "AND id > (SELECT MIN(id) FROM access_log WHERE seq IS NOT NULL)")
    long unchainedLate();

    @Override
    default List<AccessLogEntry> search(AccessQuery query) {
        List<String> where = new ArrayList<>();
        if (query.account() != null) {
            where.add("username = :account");
        }
        if (query.from() != null) {
            where.add("at >= :from");
        }
        if (query.to() != null) {
            where.add("at < :to");
        }
        if (query.action() != null) {
            where.add("action = :action");
        }
        if (query.outcome() != null) {
            where.add("outcome = :outcome");
        }
        if (query.householdId() != null) {
            where.add("household_id = :householdId");
        }
        if (query.beforeId() != null) {
            where.add("id < :beforeId");
        }
        Query select = getHandle().createQuery("SELECT id, seq, " + RECORD + " FROM access_log"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id DESC LIMIT :limit");
        // Only the filters named above are bound: an unused binding is an error in jdbi.
        bindIfSet(select, "account", query.account());
        bindIfSet(select, "from", query.from());
        bindIfSet(select, "to", query.to());
        bindIfSet(select, "action", query.action());
        bindIfSet(select, "outcome", query.outcome());
        bindIfSet(select, "householdId", query.householdId());
        bindIfSet(select, "beforeId", query.beforeId());
        return select.bind("limit", query.limit())
                .map((rows, context) -> new AccessLogEntry(rows.getLong("id"), record(rows, context),
                        rows.getObject("seq") != null))
                .list();
    }

    private static void bindIfSet(Query query, String name, Object value) {
        if (value != null) {
            query.bindByType(name, value, value.getClass());
        }
    }

    private static AccessRecord record(ResultSet rows, org.jdbi.v3.core.statement.StatementContext context)
            throws SQLException {
        var instants = context.findColumnMapperFor(java.time.Instant.class).orElseThrow();
        var uuids = context.findColumnMapperFor(java.util.UUID.class).orElseThrow();
        return new AccessRecord(instants.map(rows, "at", context), rows.getString("username"),
                rows.getString("action"), rows.getString("outcome"), uuids.map(rows, "household_id", context));
    }

    @Override
    @SqlQuery("SELECT COUNT(*) FROM access_log")
    long count();

    @Override
    @SqlQuery("SELECT " + RECORD + " FROM access_log ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(AccessRecord.class)
    List<AccessRecord> latest(@Bind("limit") int limit);
}
