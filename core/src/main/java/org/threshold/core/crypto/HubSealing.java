package org.threshold.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * HPKE (RFC 9180) base mode with the X-Wing hybrid KEM (X25519 + ML-KEM-768), HKDF-SHA256 and
 * AES-256-GCM: personal data sealed today must stay closed after a future quantum computer.
 * A new {@link HPKE} per call because Bouncy Castle's holds digest state and is not thread-safe.
 */
public final class HubSealing {
    static final int PUBLIC_KEY_SIZE = 1216;
    static final int PRIVATE_KEY_SIZE = 32;
    private static final byte[] INFO = "threshold/sealed-payload/v1".getBytes(StandardCharsets.US_ASCII);

    private HubSealing() {
    }

    public static SealingPrivateKey generate(SecureRandom random) {
        byte[] seed = new byte[PRIVATE_KEY_SIZE];
        random.nextBytes(seed);
        return fromSeed(seed);
    }

    /**
     * The key pair a 32-byte seed derives (RFC 9180 DeriveKeyPair): the seed alone is the whole private key, short
     * enough to keep on paper, as the offline backup key is.
     */
    public static SealingPrivateKey fromSeed(byte[] seed) {
        if (seed.length != PRIVATE_KEY_SIZE) {
            throw new IllegalArgumentException(
                    "An X-Wing private key is " + PRIVATE_KEY_SIZE + " bytes, not " + seed.length);
        }
        HPKE hpke = hpke();
        AsymmetricCipherKeyPair pair = hpke.deriveKeyPair(seed);
        return new SealingPrivateKey(hpke.serializePrivateKey(pair.getPrivate()),
                SealingPublicKey.fromBytes(hpke.serializePublicKey(pair.getPublic())));
    }

    /** Seals {@code plaintext} so only the holder of the private key can open it; {@code aad} is bound, not hidden. */
    public static SealedPayload seal(SealingPublicKey recipient, byte[] aad, byte[] plaintext) {
        HPKE hpke = hpke();
        try {
            byte[][] sealed = hpke.seal(recipient.parsed(), INFO, aad, plaintext,
                    null, null, null);
            return new SealedPayload(sealed[1], sealed[0]);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE seal failed", e);
        }
    }

    public static byte[] open(SealingPrivateKey key, byte[] aad, SealedPayload payload) throws UnsealException {
        HPKE hpke = hpke();
        try {
            return hpke.open(payload.encapsulation(), key.expanded(), INFO, aad, payload.ciphertext(), null, null, null);
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new UnsealException("The sealed payload does not open with key " + key.publicKey().keyId()
                    + ": it was altered, or sealed to another key");
        }
    }

    static AsymmetricKeyParameter parsePublic(byte[] encoded) {
        return hpke().deserializePublicKey(encoded);
    }

    static AsymmetricCipherKeyPair expand(byte[] seed, SealingPublicKey publicKey) {
        return hpke().deserializePrivateKey(seed, publicKey.toBytes());
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X_WING, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }
}
