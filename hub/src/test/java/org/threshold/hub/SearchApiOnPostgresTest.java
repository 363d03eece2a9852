package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The search of {@link SearchApiTest}, on PostgreSQL. */
class SearchApiOnPostgresTest extends SearchApiTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
