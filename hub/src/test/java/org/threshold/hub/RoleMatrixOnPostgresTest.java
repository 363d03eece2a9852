package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The role × route matrix of {@link RoleMatrixTest}, on PostgreSQL. */
class RoleMatrixOnPostgresTest extends RoleMatrixTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
