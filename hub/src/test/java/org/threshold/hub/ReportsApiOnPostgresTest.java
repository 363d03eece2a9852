package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The reports of {@link ReportsApiTest}, on PostgreSQL. */
class ReportsApiOnPostgresTest extends ReportsApiTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
