package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The glass-break and DPO pages of {@link GlassBreakPagesTest}, on PostgreSQL. */
class GlassBreakPagesOnPostgresTest extends GlassBreakPagesTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
