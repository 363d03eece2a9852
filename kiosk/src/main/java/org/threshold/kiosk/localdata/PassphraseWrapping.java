package org.threshold.kiosk.localdata;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.kiosk.store.OperatorKeyStore.WrappedKey;

/**
 * Wraps the local data key under a key derived from an operator's passphrase: Argon2id with a fresh
 * salt, then AES-256-GCM bound to the operator's name. The derivation is recorded next to the wrapped
 * key as {@code argon2id$v=19$m=..,t=..,p=..$<salt>}, so its cost can rise later.
 */
final class PassphraseWrapping {
    private static final int SALT_BYTES = 16;
    private static final String CONTEXT = "threshold/operator-key/v1:";

    private PassphraseWrapping() {
    }

    static WrappedKey wrap(LocalDataKey key, String operator, char[] passphrase, Argon2idCost cost,
                           SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] wrappingKey = cost.derive(passphrase, salt, AesGcm.KEY_BYTES);
        byte[] plainKey = key.copyOfKey();
        try {
            return new WrappedKey(cost.encode() + "$" + Base64.getEncoder().encodeToString(salt),
                    AesGcm.encrypt(wrappingKey, context(operator), plainKey, random));
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
            Arrays.fill(plainKey, (byte) 0);
        }
    }

    /** The local data key, or empty if the passphrase is not the one it was wrapped under. */
    static Optional<LocalDataKey> unwrap(WrappedKey wrapped, String operator, char[] passphrase,
                                         SecureRandom random) {
        String derivation = wrapped.derivation();
        byte[] salt = Base64.getDecoder().decode(derivation.substring(derivation.lastIndexOf('$') + 1));
        byte[] wrappingKey = Argon2idCost.parse(derivation).derive(passphrase, salt, AesGcm.KEY_BYTES);
        try {
            return AesGcm.decrypt(wrappingKey, context(operator), wrapped.wrappedKey())
                    .map(plainKey -> LocalDataKey.adopt(plainKey, random));
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
        }
    }

    private static byte[] context(String operator) {
        return (CONTEXT + operator).getBytes(StandardCharsets.UTF_8);
    }
}
