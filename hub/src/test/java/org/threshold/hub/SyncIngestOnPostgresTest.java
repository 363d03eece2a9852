package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Every test of {@link SyncIngestTest}, on PostgreSQL. */
class SyncIngestOnPostgresTest extends SyncIngestTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
