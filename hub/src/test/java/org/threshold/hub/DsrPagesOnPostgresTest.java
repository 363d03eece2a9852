package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The DPO's request and retention pages of {@link DsrPagesTest}, on PostgreSQL. */
class DsrPagesOnPostgresTest extends DsrPagesTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
