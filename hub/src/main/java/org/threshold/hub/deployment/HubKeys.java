package org.threshold.hub.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.HubKeysFile;
import org.threshold.core.deployment.SealingKeyFile;

/**
 * The hub's secrets from {@code keys.json}: the identity key that signs acknowledgements, and every sealing
 * key the hub has had, by id, so events sealed before a key rotation still open. A sealing key id the hub does
 * not hold makes it read {@code keys.json} again, so a key added by {@code provision rotate-sealing-key} while
 * the hub runs opens without a restart. Thread-safe.
 */
public final class HubKeys {
    private final Path dataDir;
    private final SigningKey identity;
    private volatile Map<String, SealingPrivateKey> sealingKeys;

    private HubKeys(Path dataDir, SigningKey identity, Map<String, SealingPrivateKey> sealingKeys) {
        this.dataDir = dataDir;
        this.identity = identity;
        this.sealingKeys = Map.copyOf(sealingKeys);
    }

    /** @throws DeploymentException if {@code keys.json} is missing or unreadable */
    public static HubKeys load(Path dataDir) {
        Path file = dataDir.resolve(DeploymentLayout.HUB_KEYS);
        if (!Files.isRegularFile(file)) {
            throw new DeploymentException("No hub keys at " + file.toAbsolutePath() + ": run `provision init --hub "
                    + dataDir.toAbsolutePath() + "` first.");
        }
        try {
            HubKeysFile keys = DeploymentJson.read(file, HubKeysFile.class);
            return new HubKeys(dataDir, keys.identity().signingKey(), keys.sealing().stream()
                    .map(SealingKeyFile::sealingKey)
                    .collect(Collectors.toMap(key -> key.publicKey().keyId(), Function.identity())));
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("The hub keys in " + file.toAbsolutePath() + " are unreadable ("
                    + (e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName())
                    + "). Restore keys.json from its backup; on a new hub, run `provision init` first.");
        }
    }

    public SigningKey identity() {
        return identity;
    }

    /**
     * The current sealing key's public half (Base64), as {@code keys.json} says now: a key rotated while the hub
     * runs is the one new kiosks are given.
     *
     * @throws DeploymentException if {@code keys.json} became unreadable
     */
    public String currentSealingPublicKey() {
        Path file = dataDir.resolve(DeploymentLayout.HUB_KEYS);
        try {
            return DeploymentJson.read(file, HubKeysFile.class).currentSealing().publicKey();
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("The hub keys in " + file.toAbsolutePath() + " became unreadable ("
                    + e.getClass().getSimpleName() + "). Restore keys.json from its backup.");
        }
    }

    public Optional<SealingPrivateKey> sealingKey(String keyId) {
        SealingPrivateKey key = sealingKeys.get(keyId);
        if (key == null) {
            synchronized (this) {
                try {
                    HubKeys reread = load(dataDir);
                    if (reread.identity.verifyingKey().equals(identity.verifyingKey())) {
                        sealingKeys = reread.sealingKeys;
                    }
                } catch (DeploymentException unreadable) {
                    // Keep the keys held; the event stays unopened and is reported as such.
                }
                key = sealingKeys.get(keyId);
            }
        }
        return Optional.ofNullable(key);
    }

    @Override
    public String toString() {
        return "HubKeys[REDACTED, identity " + identity.verifyingKey().fingerprint() + ", sealing "
                + sealingKeys.keySet() + "]";
    }
}
