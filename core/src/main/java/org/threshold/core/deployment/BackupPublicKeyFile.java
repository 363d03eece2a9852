package org.threshold.core.deployment;

import org.threshold.core.crypto.SealingPublicKey;

/** The public half of the deployment's backup key, in the hub's data folder: what {@code backup} seals to. */
public record BackupPublicKeyFile(String keyId, String publicKey) {
    public static BackupPublicKeyFile of(SealingPublicKey key) {
        return new BackupPublicKeyFile(key.keyId(), key.toBase64());
    }

    /** @throws IllegalArgumentException if the key's id is not {@code keyId} */
    public SealingPublicKey backupKey() {
        SealingPublicKey key = SealingPublicKey.fromBase64(publicKey);
        if (!key.keyId().equals(keyId)) {
            throw new IllegalArgumentException("The backup public key file names key " + keyId + " but holds key "
                    + key.keyId());
        }
        return key;
    }
}
