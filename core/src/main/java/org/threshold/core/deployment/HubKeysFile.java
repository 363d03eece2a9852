package org.threshold.core.deployment;

import java.util.List;

/**
 * The hub's secrets, {@code keys.json} in the hub's data folder (owner-only): its identity key, which
 * signs acknowledgements, and every sealing key it has had, so events sealed before a rotation still open.
 */
public record HubKeysFile(KeyPairFile identity, List<SealingKeyFile> sealing) {
    public HubKeysFile {
        sealing = List.copyOf(sealing);
        if (sealing.stream().filter(SealingKeyFile::current).count() != 1) {
            throw new IllegalArgumentException("Exactly one hub sealing key must be current");
        }
    }

    public SealingKeyFile currentSealing() {
        return sealing.stream().filter(SealingKeyFile::current).findFirst().orElseThrow();
    }
}
