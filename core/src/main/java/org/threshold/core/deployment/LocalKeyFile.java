package org.threshold.core.deployment;

import java.util.List;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.PassphraseKeyWrap;

/**
 * {@code local-key.json}: the kiosk's local data key, born at enrollment and wrapped once for every
 * operator under their passphrase ({@link PassphraseKeyWrap}); the key itself is in no file. The kiosk
 * moves the wraps into its database at its first start and deletes this file.
 */
public record LocalKeyFile(int version, List<OperatorWrap> wraps) {
    public static final int VERSION = 1;

    public record OperatorWrap(String operator, String derivation, String wrappedKey) {
        public static OperatorWrap of(String operator, PassphraseKeyWrap.Wrapped wrapped) {
            return new OperatorWrap(operator, wrapped.derivation(), Bytes.base64(wrapped.wrappedKey()));
        }

        public PassphraseKeyWrap.Wrapped wrapped() {
            return new PassphraseKeyWrap.Wrapped(derivation, Bytes.base64(wrappedKey));
        }

        @Override
        public String toString() {
            return "OperatorWrap[" + operator + ", REDACTED]";
        }
    }

    public LocalKeyFile {
        if (version != VERSION) {
            throw new IllegalArgumentException("local-key.json version " + version + " is not supported");
        }
        wraps = List.copyOf(wraps);
    }
}
