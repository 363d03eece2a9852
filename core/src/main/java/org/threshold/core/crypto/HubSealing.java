package org.threshold.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
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
    // RFC 9180 section 5.3 exporter context: what a registration's context exports keys its referrals, nothing else.
    private static final byte[] REFERRAL_EXPORT = "threshold/referral-key/v1".getBytes(StandardCharsets.US_ASCII);
    static final int EXPORTED_BYTES = 32;

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
            throw notOpening(key);
        }
    }

    /** A payload sealed, with the secret its HPKE context exports for the events sealed with it. */
    public record Sealed(SealedPayload payload, byte[] exported) {
    }

    /** A payload opened, with the secret its HPKE context exports for the events sealed with it. */
    public record Opened(byte[] plaintext, byte[] exported) {
    }

    /**
     * Seals as {@link #seal} does (the same bytes open with {@link #open}), and keeps what the context exports, so
     * the events made together with this one can be sealed without an encapsulation of their own.
     */
    public static Sealed sealExporting(SealingPublicKey recipient, byte[] aad, byte[] plaintext) {
        HPKEContextWithEncapsulation context = hpke().setupBaseS(recipient.parsed(), INFO);
        try {
            SealedPayload sealed = new SealedPayload(context.getEncapsulation(), context.seal(aad, plaintext));
            return new Sealed(sealed, context.export(REFERRAL_EXPORT, EXPORTED_BYTES));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE seal failed", e);
        }
    }

    /** Opens as {@link #open} does, with one decapsulation, and exports the secret the sender's context exported. */
    public static Opened openExporting(SealingPrivateKey key, byte[] aad, SealedPayload payload)
            throws UnsealException {
        HPKEContext context = receiver(key, payload);
        try {
            return new Opened(context.open(aad, payload.ciphertext()),
                    context.export(REFERRAL_EXPORT, EXPORTED_BYTES));
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw notOpening(key);
        }
    }

    /**
     * Only the exported secret, for an event sealed under it whose own payload is not wanted here. The payload is not
     * authenticated: a wrong encapsulation exports a wrong secret, which the dependent event's AEAD then refuses.
     */
    public static byte[] exported(SealingPrivateKey key, SealedPayload payload) throws UnsealException {
        return receiver(key, payload).export(REFERRAL_EXPORT, EXPORTED_BYTES);
    }

    private static HPKEContext receiver(SealingPrivateKey key, SealedPayload payload) throws UnsealException {
        try {
            return hpke().setupBaseR(payload.encapsulation(), key.expanded(), INFO);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw notOpening(key);
        }
    }

    private static UnsealException notOpening(SealingPrivateKey key) {
        return new UnsealException("The sealed payload does not open with key " + key.publicKey().keyId()
                + ": it was altered, or sealed to another key");
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
