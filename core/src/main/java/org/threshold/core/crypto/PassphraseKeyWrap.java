package org.threshold.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * Wraps a 32-byte key under an operator's passphrase: Argon2id with a fresh salt derives the wrapping
 * key, then AES-256-GCM (JDK) encrypts the key bound to the operator's name, so a wrap cannot be moved
 * to another operator. Provisioning wraps a kiosk's local data key this way for every operator; the
 * kiosk unwraps it at shift unlock.
 *
 * <p>The derivation is written {@code argon2id$v=19$m=..,t=..,p=..$<salt base64>} next to the wrapped
 * key, whose bytes are {@code version(1) | nonce(12) | ciphertext and tag(48)}.
 */
public final class PassphraseKeyWrap {
    public static final int KEY_BYTES = AesGcm.KEY_BYTES;
    private static final int SALT_BYTES = 16;
    private static final String CONTEXT = "threshold/operator-key/v1:";

    /** A wrapped key: how the wrapping key was derived (no secret) and the key encrypted under it. */
    public record Wrapped(String derivation, byte[] wrappedKey) {
        @Override
        public String toString() {
            return "Wrapped[" + derivation.substring(0, derivation.lastIndexOf('$')) + ", REDACTED]";
        }
    }

    private PassphraseKeyWrap() {
    }

    public static Wrapped wrap(byte[] key, String operator, char[] passphrase, Argon2idCost cost,
                               SecureRandom random) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("Only " + KEY_BYTES + "-byte keys are wrapped");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] wrappingKey = cost.derive(passphrase, salt, KEY_BYTES);
        try {
            return new Wrapped(cost.encode() + "$" + Bytes.base64(salt),
                    AesGcm.encrypt(wrappingKey, context(operator), key, random));
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
        }
    }

    /** The key, or empty if the passphrase (or the operator) is not the one it was wrapped for. */
    public static Optional<byte[]> unwrap(Wrapped wrapped, String operator, char[] passphrase) {
        String derivation = wrapped.derivation();
        byte[] salt = Bytes.base64(derivation.substring(derivation.lastIndexOf('$') + 1));
        byte[] wrappingKey = Argon2idCost.parse(derivation).derive(passphrase, salt, KEY_BYTES);
        try {
            return AesGcm.decrypt(wrappingKey, context(operator), wrapped.wrappedKey());
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
        }
    }

    private static byte[] context(String operator) {
        return (CONTEXT + operator).getBytes(StandardCharsets.UTF_8);
    }
}
