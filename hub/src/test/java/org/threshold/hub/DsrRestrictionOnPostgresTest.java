package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Every test of {@link DsrRestrictionTest}, on PostgreSQL. */
class DsrRestrictionOnPostgresTest extends DsrRestrictionTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
