package org.threshold.core.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

/**
 * The hub's HPKE private key (X-Wing seed) with its public half. Only the hub holds one.
 * The expanded key pair is kept because expanding the ML-KEM seed costs more than the decapsulation.
 */
public final class SealingPrivateKey {
    private final byte[] seed;
    private final SealingPublicKey publicKey;
    private final AsymmetricCipherKeyPair expanded;

    SealingPrivateKey(byte[] seed, SealingPublicKey publicKey) {
        this.seed = seed.clone();
        this.publicKey = publicKey;
        this.expanded = HubSealing.expand(this.seed, publicKey);
    }

    public static SealingPrivateKey fromBytes(byte[] seed, SealingPublicKey publicKey) {
        if (seed.length != HubSealing.PRIVATE_KEY_SIZE) {
            throw new IllegalArgumentException(
                    "An X-Wing private key is " + HubSealing.PRIVATE_KEY_SIZE + " bytes, not " + seed.length);
        }
        return new SealingPrivateKey(seed, publicKey);
    }

    public SealingPublicKey publicKey() {
        return publicKey;
    }

    public byte[] toBytes() {
        return seed.clone();
    }

    AsymmetricCipherKeyPair expanded() {
        return expanded;
    }

    @Override
    public String toString() {
        return "SealingPrivateKey[REDACTED, public " + publicKey.keyId() + "]";
    }
}
