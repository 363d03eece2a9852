package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The reports page of {@link ReportPagesChromiumTest} in Chromium, on PostgreSQL. */
class ReportPagesChromiumOnPostgresTest extends ReportPagesChromiumTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }

    @Override
    String store() {
        return "postgresql";
    }
}
