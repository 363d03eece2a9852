package org.threshold.hub.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.account.LoginThrottleRepository;

interface LoginThrottleSql extends LoginThrottleRepository {

    /** One statement: the row's lock (PostgreSQL) or the one writer (SQLite) makes parallel guesses count one by one. */
    @SqlUpdate("INSERT INTO login_throttles (username, failures, window_start) VALUES (:username, 1, :now) "
            + "ON CONFLICT (username) DO UPDATE SET "
            + "failures = CASE WHEN login_throttles.window_start <= :expired THEN 1 "
            + "ELSE login_throttles.failures + 1 END, "
            + "window_start = CASE WHEN login_throttles.window_start <= :expired THEN :now "
            + "ELSE login_throttles.window_start END")
    void count(@Bind("username") String username, @Bind("now") Instant now, @Bind("expired") Instant expiredBefore);

    @SqlQuery("SELECT failures AS count, window_start FROM login_throttles WHERE username = :username")
    @RegisterConstructorMapper(Failures.class)
    Failures failures(@Bind("username") String username);

    @Override
    default Failures countFailure(String username, Instant now, Instant expiredBefore) {
        count(username, now, expiredBefore);
        return failures(username);
    }

    @Override
    @SqlUpdate("DELETE FROM login_throttles WHERE username = :username")
    void clear(@Bind("username") String username);
}
