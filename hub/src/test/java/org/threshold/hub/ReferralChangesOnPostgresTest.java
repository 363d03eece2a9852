package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The referral changes of {@link ReferralChangesTest}, on PostgreSQL. */
class ReferralChangesOnPostgresTest extends ReferralChangesTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }
}
