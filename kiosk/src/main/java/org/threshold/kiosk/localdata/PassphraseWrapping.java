package org.threshold.kiosk.localdata;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.crypto.PassphraseKeyWrap;
import org.threshold.kiosk.store.OperatorKeyStore.WrappedKey;

/**
 * The local data key wrapped under an operator's passphrase, in the format provisioning writes
 * ({@link PassphraseKeyWrap}: Argon2id, then AES-256-GCM bound to the operator's name).
 */
final class PassphraseWrapping {
    private PassphraseWrapping() {
    }

    static WrappedKey wrap(LocalDataKey key, String operator, char[] passphrase, Argon2idCost cost,
                           SecureRandom random) {
        byte[] plainKey = key.copyOfKey();
        try {
            PassphraseKeyWrap.Wrapped wrapped = PassphraseKeyWrap.wrap(plainKey, operator, passphrase, cost, random);
            return new WrappedKey(wrapped.derivation(), wrapped.wrappedKey());
        } finally {
            Arrays.fill(plainKey, (byte) 0);
        }
    }

    /** The local data key, or empty if the passphrase is not the one it was wrapped under. */
    static Optional<LocalDataKey> unwrap(WrappedKey wrapped, String operator, char[] passphrase,
                                         SecureRandom random) {
        return PassphraseKeyWrap.unwrap(new PassphraseKeyWrap.Wrapped(wrapped.derivation(), wrapped.wrappedKey()),
                operator, passphrase).map(plainKey -> LocalDataKey.adopt(plainKey, random));
    }
}
