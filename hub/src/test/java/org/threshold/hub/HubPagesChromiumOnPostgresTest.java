package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The hub's pages in Chromium, with the hub's state in PostgreSQL. */
class HubPagesChromiumOnPostgresTest extends HubPagesChromiumTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
