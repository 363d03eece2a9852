package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The duplicate queue of {@link DuplicatesApiTest}, on PostgreSQL. */
class DuplicatesApiOnPostgresTest extends DuplicatesApiTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
