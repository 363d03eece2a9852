package org.threshold.core.deployment;

import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;

/**
 * An Ed25519 key pair as written to disk (owner-only): a kiosk's {@code kiosk-key.json} or the
 * hub's identity inside {@link HubKeysFile}.
 */
public record KeyPairFile(String privateKey, String publicKey) {
    public static KeyPairFile of(SigningKey key) {
        return new KeyPairFile(Bytes.base64(key.toBytes()), key.verifyingKey().toBase64());
    }

    public SigningKey signingKey() {
        SigningKey key = SigningKey.fromBytes(Bytes.base64(privateKey));
        if (!key.verifyingKey().toBase64().equals(publicKey)) {
            throw new IllegalArgumentException("The key file's public key does not belong to its private key");
        }
        return key;
    }

    @Override
    public String toString() {
        return "KeyPairFile[REDACTED, public " + publicKey + "]";
    }
}
