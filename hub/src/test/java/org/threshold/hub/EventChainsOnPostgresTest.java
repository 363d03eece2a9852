package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The event chains after an erasure, {@link EventChainsTest}, on PostgreSQL. */
class EventChainsOnPostgresTest extends EventChainsTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
