package org.threshold.core.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM from the JDK with a random 96-bit nonce per message, in one format for everything a
 * kiosk encrypts locally (local copies, wrapped keys): {@code version(1) | nonce(12) | ciphertext and tag(16)}. Random nonces are
 * safe here: a kiosk encrypts thousands of messages under a key, far below the 2^32 limit.
 */
public final class AesGcm {
    public static final int KEY_BYTES = 32;
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    // Cipher.getInstance searches the security providers on every call: a tenth of the CPU a hub spends opening a
    // queue page's 50 households. A Cipher is not thread-safe but is made whole again by each init, so each thread
    // keeps one. Its last key's schedule stays in it until the thread's next use, as a discarded Cipher's would stay
    // on the heap until collected: no key is held longer than the JDK would hold it anyway.
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AesGcm::newCipher);

    private AesGcm() {
    }

    public static byte[] encrypt(byte[] key, byte[] associatedData, byte[] plaintext, SecureRandom random) {
        return encrypt(CIPHERS.get(), key, associatedData, plaintext, random);
    }

    /** The plaintext, or empty if the message was altered, bound to other data, or made under another key. */
    public static Optional<byte[]> decrypt(byte[] key, byte[] associatedData, byte[] message) {
        return decrypt(CIPHERS.get(), key, associatedData, message);
    }

    /**
     * One key held for the life of the process (a wrapping key), used by many threads: each thread keeps a Cipher
     * for it alone, so its key schedule is made once per thread instead of at every use (the JDK makes it again
     * whenever a Cipher's key changes, and a household's opening alternates the wrapping key with its own data key).
     * The schedule stays as long as the key does. Thread-safe.
     */
    public static final class HeldKey {
        private final byte[] key;
        private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(AesGcm::newCipher);

        /** @param key {@link #KEY_BYTES} bytes, held (not copied) for as long as this is */
        public HeldKey(byte[] key) {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("An AES-256 key is " + KEY_BYTES + " bytes");
            }
            this.key = key;
        }

        /** As {@link AesGcm#encrypt}, under this key. */
        public byte[] encrypt(byte[] associatedData, byte[] plaintext, SecureRandom random) {
            return AesGcm.encrypt(ciphers.get(), key, associatedData, plaintext, random);
        }

        /** As {@link AesGcm#decrypt}, under this key. */
        public Optional<byte[]> decrypt(byte[] associatedData, byte[] message) {
            return AesGcm.decrypt(ciphers.get(), key, associatedData, message);
        }

        @Override
        public String toString() {
            return "HeldKey[REDACTED]";
        }
    }

    private static byte[] encrypt(Cipher reused, byte[] key, byte[] associatedData, byte[] plaintext,
                                  SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = init(reused, Cipher.ENCRYPT_MODE, key, nonce, associatedData);
            byte[] out = new byte[1 + NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, 1 + NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java runtime", e);
        }
    }

    private static Optional<byte[]> decrypt(Cipher reused, byte[] key, byte[] associatedData, byte[] message) {
        if (message.length < 1 + NONCE_BYTES + TAG_BITS / 8 || message[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Cipher cipher = init(reused, Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(message, 1, 1 + NONCE_BYTES),
                    associatedData);
            return Optional.of(cipher.doFinal(message, 1 + NONCE_BYTES, message.length - 1 - NONCE_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java runtime", e);
        }
    }

    private static Cipher init(Cipher cipher, int mode, byte[] key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
