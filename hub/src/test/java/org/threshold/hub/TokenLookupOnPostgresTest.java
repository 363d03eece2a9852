package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Every test of {@link TokenLookupTest}, on PostgreSQL. */
class TokenLookupOnPostgresTest extends TokenLookupTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
