package org.threshold.core.deployment;

import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealingPrivateKey;

/**
 * The private half of the deployment's backup key (an X-Wing seed, which derives the whole key pair), kept offline:
 * never in the hub's data folder, except in the demo's folder. {@code keyId} lets a wrong file be named at once.
 */
public record BackupKeyFile(String keyId, String privateKey) {
    /** @param seed the 32 random bytes {@link HubSealing#fromSeed} derived the key pair from */
    public static BackupKeyFile of(byte[] seed) {
        return new BackupKeyFile(HubSealing.fromSeed(seed).publicKey().keyId(), Bytes.base64(seed));
    }

    /** @throws IllegalArgumentException if the key is not a seed, or derives a key of another id */
    public SealingPrivateKey backupKey() {
        SealingPrivateKey key = HubSealing.fromSeed(Bytes.base64(privateKey));
        if (!key.publicKey().keyId().equals(keyId)) {
            throw new IllegalArgumentException("The backup key file names key " + keyId + " but its private key is "
                    + "key " + key.publicKey().keyId() + "; it was altered or mistyped.");
        }
        return key;
    }

    @Override
    public String toString() {
        return "BackupKeyFile[" + keyId + ", REDACTED]";
    }
}
