package org.threshold.hub.store;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.audit.AccessLogRepository;

interface AccessLogSql extends AccessLogRepository {

    @Override
    @SqlUpdate("INSERT INTO access_log (at, username, action, household_id) VALUES (:at, :username, :action, :household)")
    void record(@Bind("at") Instant at, @Bind("username") String username, @Bind("action") String action,
                @Bind("household") UUID householdId);

    @Override
    @SqlQuery("SELECT COUNT(*) FROM access_log")
    long count();
}
