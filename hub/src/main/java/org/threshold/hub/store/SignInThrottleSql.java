package org.threshold.hub.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.account.SignInThrottleRepository;

interface SignInThrottleSql extends SignInThrottleRepository {

    /** One statement: the row's lock (PostgreSQL) or the one writer (SQLite) makes parallel guesses count one by one. */
    @Override
    @SqlUpdate("INSERT INTO sign_in_throttles (throttle_key, failures, last_failure) VALUES (:key, 1, :now) "
            + "ON CONFLICT (throttle_key) DO UPDATE SET "
            + "failures = CASE WHEN sign_in_throttles.last_failure <= :forget THEN 1 "
            + "ELSE sign_in_throttles.failures + 1 END, "
            + "last_failure = :now")
    void countFailure(@Bind("key") String key, @Bind("now") Instant now, @Bind("forget") Instant forgetBefore);

    @Override
    @SqlQuery("SELECT failures AS count, last_failure FROM sign_in_throttles WHERE throttle_key = :key")
    @RegisterConstructorMapper(Failures.class)
    Optional<Failures> failures(@Bind("key") String key);

    @Override
    @SqlUpdate("UPDATE sign_in_throttles SET failures = failures - 1 WHERE throttle_key = :key AND failures > 0")
    void forgive(@Bind("key") String key);

    @Override
    @SqlUpdate("DELETE FROM sign_in_throttles WHERE throttle_key = :key")
    void clear(@Bind("key") String key);
}
