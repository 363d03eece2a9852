package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** {@link HouseholdSealingUpgradeTest} on PostgreSQL. */
class HouseholdSealingUpgradeOnPostgresTest extends HouseholdSealingUpgradeTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
