package org.threshold.hub.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.feed.UpdateFeedRepository;

/**
 * {@link UpdateFeedRepository}. A kiosk's cursor is a feed position, so positions must become visible in the order
 * they are given, or a kiosk could page past one committed late: appends take turns ({@link #takeAppendTurn}).
 */
interface UpdateFeedSql extends UpdateFeedRepository {

    /** Holds every other append back until this transaction ends. */
    void takeAppendTurn();

    @SqlUpdate("INSERT INTO feed_updates (kiosk_id, kind, body, published_at) VALUES (:kioskId, :kind, :body, :at)")
    void insert(@Bind("kioskId") String kioskIdOrNull, @Bind("kind") String kind, @Bind("body") String json,
                @Bind("at") Instant at);

    @Override
    default void append(String kioskIdOrNull, String kind, String json, Instant at) {
        takeAppendTurn();
        insert(kioskIdOrNull, kind, json, at);
    }

    @Override
    @SqlQuery("SELECT position, kiosk_id, body AS json, published_at FROM feed_updates WHERE position > :since "
            + "AND (kiosk_id IS NULL OR kiosk_id = :kioskId) ORDER BY position LIMIT :limit")
    @RegisterConstructorMapper(StoredUpdate.class)
    List<StoredUpdate> since(@Bind("kioskId") String kioskId, @Bind("since") long since, @Bind("limit") int limit);

    @Override
    @SqlQuery("SELECT COALESCE(MAX(position), 0) FROM feed_updates")
    long lastPosition();

    /** SQLite: one writer at a time already. */
    interface OnSqlite extends UpdateFeedSql {
        @Override
        default void takeAppendTurn() {
        }
    }

    /** PostgreSQL: a transaction-scoped advisory lock. */
    interface OnPostgres extends UpdateFeedSql {
        @SqlQuery("SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(" + AdvisoryLocks.FEED + ")) AS locked")
        int lockFeed();

        @Override
        default void takeAppendTurn() {
            lockFeed();
        }
    }
}
