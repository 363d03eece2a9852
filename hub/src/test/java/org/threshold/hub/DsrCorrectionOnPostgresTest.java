package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Every test of {@link DsrCorrectionTest}, on PostgreSQL. */
class DsrCorrectionOnPostgresTest extends DsrCorrectionTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
