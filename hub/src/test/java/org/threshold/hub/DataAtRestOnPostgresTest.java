package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** Every test of {@link DataAtRestTest}, on PostgreSQL: the canaries are looked for in a {@code pg_dump} too. */
class DataAtRestOnPostgresTest extends DataAtRestTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
