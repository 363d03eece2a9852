package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Every test of {@link IngestAuthenticationTest}, on PostgreSQL. */
class IngestAuthenticationOnPostgresTest extends IngestAuthenticationTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
