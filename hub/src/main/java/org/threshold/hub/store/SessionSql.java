package org.threshold.hub.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.account.SessionRepository;

@RegisterConstructorMapper(SessionRepository.Session.class)
interface SessionSql extends SessionRepository {
    String LIVE = "s.expires_at > :now AND s.last_seen > :idleBefore AND u.disabled_at IS NULL";

    @Override
    @SqlUpdate("INSERT INTO sessions (token_hash, session_id, username, created_at, last_seen, expires_at) "
            + "VALUES (:hash, :sessionId, :username, :createdAt, :createdAt, :expiresAt)")
    void create(@Bind("hash") byte[] tokenHash, @Bind("sessionId") String sessionId, @Bind("username") String username,
                @Bind("createdAt") Instant createdAt, @Bind("expiresAt") Instant expiresAt);

    @Override
    @SqlUpdate("UPDATE sessions SET last_seen = :now WHERE token_hash = :hash AND last_seen < :now")
    void touch(@Bind("hash") byte[] tokenHash, @Bind("now") Instant now);

    @Override
    @SqlQuery("SELECT s.session_id, s.username, s.created_at, s.last_seen, s.expires_at FROM sessions s "
            + "JOIN users u ON u.username = s.username WHERE s.username = :username AND " + LIVE
            + " ORDER BY s.created_at DESC, s.session_id")
    List<Session> liveOf(@Bind("username") String username, @Bind("now") Instant now,
                         @Bind("idleBefore") Instant idleBefore);

    @Override
    @SqlUpdate("DELETE FROM sessions WHERE token_hash = :hash")
    void delete(@Bind("hash") byte[] tokenHash);

    @Override
    @SqlUpdate("DELETE FROM sessions WHERE username = :username AND session_id = :sessionId")
    boolean revoke(@Bind("username") String username, @Bind("sessionId") String sessionId);

    @Override
    @SqlUpdate("DELETE FROM sessions WHERE username = :username")
    int revokeAll(@Bind("username") String username);

    @Override
    @SqlUpdate("DELETE FROM sessions WHERE expires_at <= :now OR last_seen <= :idleBefore")
    void deleteExpired(@Bind("now") Instant now, @Bind("idleBefore") Instant idleBefore);

    @Override
    @SqlQuery("SELECT COUNT(*) FROM sessions")
    long count();
}
