package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Every test of {@link LoginTest}, on PostgreSQL. */
class LoginOnPostgresTest extends LoginTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
