package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The referral API of {@link ReferralApiTest}, on PostgreSQL. */
class ReferralApiOnPostgresTest extends ReferralApiTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
