package org.threshold.hub.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.threshold.hub.app.audit.AccessLogRepository;
import org.threshold.hub.app.audit.AccessRecord;

interface AccessLogSql extends AccessLogRepository {

    @SqlBatch("INSERT INTO access_log (at, username, action, outcome, household_id) "
            + "VALUES (:at, :username, :action, :outcome, :householdId)")
    void insertAll(@BindMethods List<AccessRecord> records);

    @Override
    default void recordAll(List<AccessRecord> records) {
        if (!records.isEmpty()) {
            insertAll(records);
        }
    }

    @Override
    @SqlQuery("SELECT COUNT(*) FROM access_log")
    long count();

    @Override
    @SqlQuery("SELECT at, username, action, outcome, household_id FROM access_log ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(AccessRecord.class)
    List<AccessRecord> latest(@Bind("limit") int limit);
}
