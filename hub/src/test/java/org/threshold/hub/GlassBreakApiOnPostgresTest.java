package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Break the glass and the DPO's access log of {@link GlassBreakApiTest}, on PostgreSQL. */
class GlassBreakApiOnPostgresTest extends GlassBreakApiTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
