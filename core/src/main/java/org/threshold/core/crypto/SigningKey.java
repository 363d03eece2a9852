package org.threshold.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 private key. Kiosks sign events and tokens with it; the hub signs acknowledgements.
 * Thread-safe: each signature uses its own signer.
 */
public final class SigningKey {
    private final Ed25519PrivateKeyParameters key;
    private final VerifyingKey verifyingKey;

    private SigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
        this.verifyingKey = VerifyingKey.fromBytes(key.generatePublicKey().getEncoded());
    }

    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(random));
    }

    public static SigningKey fromBytes(byte[] encoded) {
        if (encoded.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("An Ed25519 private key is 32 bytes, not " + encoded.length);
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(encoded, 0));
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    public VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(key.getEncoded(), Ed25519PrivateKeyParameters.KEY_SIZE);
    }

    @Override
    public String toString() {
        return "SigningKey[REDACTED, public " + verifyingKey.fingerprint() + "]";
    }
}
