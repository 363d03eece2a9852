package org.threshold.hub.store;

import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.threshold.hub.app.dsr.RetentionRepository;

/**
 * {@link RetentionRepository}: the retention job's turn, each dialect its own way (as {@link ProjectionSql}). A
 * {@link SqlObject}, so jdbi attaches the SQLite form, which has no statement of its own.
 */
interface RetentionSql extends RetentionRepository, SqlObject {

    /** SQLite: one writer at a time, and a file one machine opens. */
    interface OnSqlite extends RetentionSql {
        @Override
        default boolean tryTakeTurn() {
            return true;
        }
    }

    /** PostgreSQL: a transaction-scoped advisory lock, released by commit or rollback, or when an instance dies. */
    interface OnPostgres extends RetentionSql {
        @Override
        @SqlQuery("SELECT pg_try_advisory_xact_lock(" + AdvisoryLocks.RETENTION + ")")
        boolean tryTakeTurn();
    }
}
