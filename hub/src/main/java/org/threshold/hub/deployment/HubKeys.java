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
 * key the hub has had, by id, so events sealed before a key rotation still open. Immutable.
 */
public final class HubKeys {
    private final SigningKey identity;
    private final Map<String, SealingPrivateKey> sealingKeys;

    private HubKeys(SigningKey identity, Map<String, SealingPrivateKey> sealingKeys) {
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
            return new HubKeys(keys.identity().signingKey(), keys.sealing().stream()
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

    public Optional<SealingPrivateKey> sealingKey(String keyId) {
        return Optional.ofNullable(sealingKeys.get(keyId));
    }

    @Override
    public String toString() {
        return "HubKeys[REDACTED, identity " + identity.verifyingKey().fingerprint() + ", sealing "
                + sealingKeys.keySet() + "]";
    }
}
