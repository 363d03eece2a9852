package org.threshold.hub.store;

import java.util.Arrays;
import java.util.Comparator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.threshold.hub.app.StoreException;

/**
 * One migration history for both databases: {@code db/migration/<dialect>/V<n>__*.sql}, the same versions on each,
 * with the statements each one needs. Each migration runs in its own transaction (both databases change their
 * schema transactionally), so one that fails leaves the database at the version before it.
 */
final class Migrations {
    private Migrations() {
    }

    /** Migrates to this release's version and returns it. @throws StoreException saying what to do */
    static String migrate(DataSource dataSource, Dialect dialect) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .failOnMissingLocations(true)
                .load();
        MigrationInfo[] known = flyway.info().all();
        MigrationInfo newer = Arrays.stream(known)
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS)
                .max(Comparator.comparing(MigrationInfo::getVersion))
                .orElse(null);
        String latest = Arrays.stream(known)
                .filter(info -> info.getState() != MigrationState.FUTURE_SUCCESS && info.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder()).map(Object::toString).orElse("0");
        if (newer != null) {
            throw new StoreException("The hub database is at schema version " + newer.getVersion() + ", newer than "
                    + "this hub release knows (" + latest + "). Run the hub release that last used it, or a newer "
                    + "one; do not run an older hub on it.", null);
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            MigrationInfo current = flyway.info().current();
            throw new StoreException("Migrating the hub database failed (" + e.getClass().getSimpleName()
                    + (e.getCause() != null ? ", " + e.getCause().getClass().getSimpleName() : "")
                    + "); it stays at schema version " + (current == null ? "none" : current.getVersion())
                    + ". Check that the database user may create tables and the disk is not full, then start again.",
                    e);
        }
        MigrationInfo current = flyway.info().current();
        return current == null ? "0" : current.getVersion().toString();
    }
}
