package org.threshold.core.token;

import org.threshold.core.crypto.SigningKey;

/** Fixed Ed25519 keys, so a failing token test can be replayed exactly. */
final class TestKeys {
    private TestKeys() {
    }

    static SigningKey signingKey(int seed) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) seed;
        bytes[31] = (byte) (seed * 7);
        return SigningKey.fromBytes(bytes);
    }
}
