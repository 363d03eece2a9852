package org.threshold.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

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
    public static final int KEY_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
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
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, wrappingKey, nonce, operator);
            byte[] out = new byte[1 + NONCE_BYTES + cipher.getOutputSize(key.length)];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            cipher.doFinal(key, 0, key.length, out, 1 + NONCE_BYTES);
            return new Wrapped(cost.encode() + "$" + Bytes.base64(salt), out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java runtime", e);
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
        }
    }

    /** The key, or empty if the passphrase (or the operator) is not the one it was wrapped for. */
    public static Optional<byte[]> unwrap(Wrapped wrapped, String operator, char[] passphrase) {
        String derivation = wrapped.derivation();
        byte[] message = wrapped.wrappedKey();
        if (message.length < 1 + NONCE_BYTES + TAG_BITS / 8 || message[0] != VERSION) {
            return Optional.empty();
        }
        byte[] salt = Bytes.base64(derivation.substring(derivation.lastIndexOf('$') + 1));
        byte[] wrappingKey = Argon2idCost.parse(derivation).derive(passphrase, salt, KEY_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, wrappingKey, Arrays.copyOfRange(message, 1, 1 + NONCE_BYTES),
                    operator);
            return Optional.of(cipher.doFinal(message, 1 + NONCE_BYTES, message.length - 1 - NONCE_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String operator)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((CONTEXT + operator).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
