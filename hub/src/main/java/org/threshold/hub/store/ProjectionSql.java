package org.threshold.hub.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.household.ProjectionRepository;

/** {@link ProjectionRepository} but for the projector's turn, which each dialect takes its own way. */
interface ProjectionSql extends ProjectionRepository {

    @SqlQuery("SELECT position FROM projection_cursors WHERE projection = :projection")
    Optional<Long> storedCursor(@Bind("projection") String projection);

    @Override
    default long cursor(String projection) {
        return storedCursor(projection).orElse(0L);
    }

    @SqlUpdate("UPDATE projection_cursors SET position = :to WHERE projection = :projection AND position = :from")
    int move(@Bind("projection") String projection, @Bind("from") long from, @Bind("to") long to);

    @SqlUpdate("INSERT INTO projection_cursors (projection, position) VALUES (:projection, :to) "
            + "ON CONFLICT (projection) DO NOTHING")
    int start(@Bind("projection") String projection, @Bind("to") long to);

    @Override
    default boolean advance(String projection, long from, long to) {
        return move(projection, from, to) == 1 || from == 0 && start(projection, to) == 1;
    }

    /** SQLite: one writer at a time, and a file one machine opens, so whoever writes has the turn. */
    interface OnSqlite extends ProjectionSql {
        @Override
        default boolean tryTakeTurn() {
            return true;
        }

        @Override
        default void takeTurn() {
            // The transaction's write lock orders it with the projector's.
        }
    }

    /** PostgreSQL: a transaction-scoped advisory lock, released by commit or rollback, or when an instance dies. */
    interface OnPostgres extends ProjectionSql {
        @Override
        @SqlQuery("SELECT pg_try_advisory_xact_lock(" + AdvisoryLocks.PROJECTOR + ")")
        boolean tryTakeTurn();

        @Override
        default void takeTurn() {
            waitForTurn();
        }

        @SqlQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + AdvisoryLocks.PROJECTOR + ")) AS turn")
        int waitForTurn();
    }
}
