package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The queue and referral pages, with the hub's state in PostgreSQL. */
class QueuePageOnPostgresTest extends QueuePageTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
