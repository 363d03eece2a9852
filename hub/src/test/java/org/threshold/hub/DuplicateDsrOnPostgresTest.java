package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Duplicates meeting the reports and the data-subject requests, {@link DuplicateDsrTest}, on PostgreSQL. */
class DuplicateDsrOnPostgresTest extends DuplicateDsrTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
