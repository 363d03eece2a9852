package org.threshold.hub.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.account.AccountRepository;

@RegisterConstructorMapper(AccountRepository.Account.class)
interface AccountSql extends AccountRepository {

    @Override
    @SqlUpdate("INSERT INTO users (username, password_hash, role, created_at) "
            + "SELECT :a.username, :a.passwordHash, :a.role, :now WHERE NOT EXISTS (SELECT 1 FROM users)")
    boolean createFirst(@BindMethods("a") Account account, @Bind("now") Instant now);

    @Override
    @SqlQuery("SELECT username, password_hash, role FROM users WHERE username = :username")
    Optional<Account> find(@Bind("username") String username);
}
