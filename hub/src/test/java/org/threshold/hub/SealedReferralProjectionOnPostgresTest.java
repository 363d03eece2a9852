package org.threshold.hub;

import org.threshold.hub.testing.TestPostgres;

/** The sealed referrals of {@link SealedReferralProjectionTest}, on PostgreSQL. */
class SealedReferralProjectionOnPostgresTest extends SealedReferralProjectionTest {
    @Override
    DatabaseSettings database() {
        return TestPostgres.newDatabase();
    }
}
