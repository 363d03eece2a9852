package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Every test of {@link RetentionJobTest}, on PostgreSQL. */
class RetentionJobOnPostgresTest extends RetentionJobTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
