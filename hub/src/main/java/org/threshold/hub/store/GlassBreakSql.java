package org.threshold.hub.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.access.GlassBreak;
import org.threshold.hub.app.access.GlassBreakRepository;

/** {@link GlassBreakRepository} in SQL that SQLite and PostgreSQL both run. */
@RegisterConstructorMapper(GlassBreak.class)
interface GlassBreakSql extends GlassBreakRepository, SqlObject {
    String COLUMNS = "id, username, household_id, reason, granted_at, expires_at AS until";

    @SqlUpdate("INSERT INTO glass_breaks (username, household_id, reason, granted_at, expires_at) "
            + "VALUES (:username, :householdId, :reason, :grantedAt, :until)")
    @GetGeneratedKeys("id")
    long insert(@Bind("username") String username, @Bind("householdId") UUID householdId,
                @Bind("reason") String reason, @Bind("grantedAt") Instant grantedAt, @Bind("until") Instant until);

    @Override
    default GlassBreak add(String username, UUID householdId, String reason, Instant grantedAt, Instant until) {
        return new GlassBreak(insert(username, householdId, reason, grantedAt, until), username, householdId, reason,
                grantedAt, until);
    }

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM glass_breaks WHERE username = :username AND household_id = :householdId "
            + "AND expires_at > :now ORDER BY expires_at DESC, id DESC LIMIT 1")
    Optional<GlassBreak> active(@Bind("username") String username, @Bind("householdId") UUID householdId,
                                @Bind("now") Instant now);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM glass_breaks WHERE username = :username AND expires_at > :now "
            + "ORDER BY expires_at DESC, id DESC LIMIT 1")
    Optional<GlassBreak> anyActive(@Bind("username") String username, @Bind("now") Instant now);

    @Override
    default List<GlassBreak> list(String username, Long beforeId, int limit) {
        String where = (username == null ? "" : " AND username = :username")
                + (beforeId == null ? "" : " AND id < :beforeId");
        var query = getHandle().createQuery("SELECT " + COLUMNS + " FROM glass_breaks WHERE 1 = 1" + where
                + " ORDER BY id DESC LIMIT :limit").bind("limit", limit);
        if (username != null) {
            query.bind("username", username);
        }
        if (beforeId != null) {
            query.bind("beforeId", beforeId.longValue());
        }
        return query.mapTo(GlassBreak.class).list();
    }

    @Override
    default List<GlassBreak> inClear(String sealedMark, int limit) {
        return inClearLike(sealedMark + "%", limit);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM glass_breaks WHERE reason NOT LIKE :pattern ORDER BY id LIMIT :limit")
    List<GlassBreak> inClearLike(@Bind("pattern") String pattern, @Bind("limit") int limit);

    @Override
    @SqlUpdate("UPDATE glass_breaks SET reason = :reason WHERE id = :id")
    void replaceReason(@Bind("id") long id, @Bind("reason") String sealedReason);

    @Override
    @SqlUpdate("UPDATE glass_breaks SET reason = :reason WHERE household_id = :householdId")
    void replaceReasons(@Bind("householdId") UUID householdId, @Bind("reason") String reason);
}
