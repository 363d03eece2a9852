package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Every test of {@link HouseholdChangesTest}, on PostgreSQL. */
class HouseholdChangesOnPostgresTest extends HouseholdChangesTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
