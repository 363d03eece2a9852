package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Every test of {@link SyncSafetyTest}, on PostgreSQL. */
class SyncSafetyOnPostgresTest extends SyncSafetyTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
