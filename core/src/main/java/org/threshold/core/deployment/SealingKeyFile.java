package org.threshold.core.deployment;

import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SealingPublicKey;

/** One hub sealing key pair (X-Wing) as written to disk; {@code current} marks the one kiosks seal to. */
public record SealingKeyFile(String keyId, String privateKey, String publicKey, boolean current) {
    public static SealingKeyFile of(SealingPrivateKey key, boolean current) {
        return new SealingKeyFile(key.publicKey().keyId(), Bytes.base64(key.toBytes()), key.publicKey().toBase64(),
                current);
    }

    public SealingPrivateKey sealingKey() {
        SealingPublicKey publicHalf = SealingPublicKey.fromBase64(publicKey);
        if (!publicHalf.keyId().equals(keyId)) {
            throw new IllegalArgumentException("Sealing key " + keyId + " has a public key with another id");
        }
        return SealingPrivateKey.fromBytes(Bytes.base64(privateKey), publicHalf);
    }

    @Override
    public String toString() {
        return "SealingKeyFile[" + keyId + ", REDACTED]";
    }
}
