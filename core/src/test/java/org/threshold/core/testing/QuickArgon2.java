package org.threshold.core.testing;

import org.threshold.core.crypto.Argon2idCost;

/**
 * Argon2id at 1 MiB and one pass, for tests only: at the field cost (46 MiB) the hashing of every test sign-in,
 * account and operator was most of the test suite's CPU time. Costs are stored with each hash, so code under test
 * reads them back exactly as in the field.
 */
public final class QuickArgon2 {
    public static final Argon2idCost COST = new Argon2idCost(1024, 1, 1);

    private QuickArgon2() {
    }
}
