package org.threshold.hub.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.account.AccountRepository.Account;
import org.threshold.hub.app.account.SessionRepository;

interface SessionSql extends SessionRepository {

    @Override
    @SqlUpdate("INSERT INTO sessions (token_hash, username, expires_at) VALUES (:hash, :username, :expiresAt)")
    void create(@Bind("hash") byte[] tokenHash, @Bind("username") String username,
                @Bind("expiresAt") Instant expiresAt);

    @Override
    @SqlQuery("SELECT u.username, u.password_hash, u.role FROM sessions s JOIN users u ON u.username = s.username "
            + "WHERE s.token_hash = :hash AND s.expires_at > :now")
    @RegisterConstructorMapper(Account.class)
    Optional<Account> account(@Bind("hash") byte[] tokenHash, @Bind("now") Instant now);

    @Override
    @SqlUpdate("DELETE FROM sessions WHERE token_hash = :hash")
    void delete(@Bind("hash") byte[] tokenHash);

    @Override
    @SqlUpdate("DELETE FROM sessions WHERE expires_at <= :now")
    void deleteExpired(@Bind("now") Instant now);

    @Override
    @SqlQuery("SELECT COUNT(*) FROM sessions")
    long count();
}
