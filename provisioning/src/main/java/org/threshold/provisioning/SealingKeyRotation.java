package org.threshold.provisioning;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.HubKeysFile;
import org.threshold.core.deployment.SealingKeyFile;

/**
 * A new current hub sealing key: every older one is kept (marked not current) so events sealed to it still
 * open, the file is replaced atomically and owner-only, and a {@code SEALING_KEY} update on the feed tells
 * every kiosk.
 */
final class SealingKeyRotation {
    record Result(String newKeyId, String previousKeyId, int keysHeld, int kiosksTold) {
    }

    private SealingKeyRotation() {
    }

    static Result rotate(HubOption hub, SecureRandom random) {
        Path hubDir = hub.hubDir;
        try (HubData data = HubData.open(hub)) {
            Path file = hubDir.resolve(DeploymentLayout.HUB_KEYS);
            HubKeysFile keys = DeploymentFiles.read(file, HubKeysFile.class);
            String previous = keys.currentSealing().keyId();
            SealingPrivateKey fresh = HubSealing.generate(random);
            List<SealingKeyFile> sealing = new ArrayList<>();
            for (SealingKeyFile old : keys.sealing()) {
                sealing.add(new SealingKeyFile(old.keyId(), old.privateKey(), old.publicKey(), false));
            }
            sealing.add(SealingKeyFile.of(fresh, true));
            DeploymentFiles.writeSecret(file, new HubKeysFile(keys.identity(), sealing));
            int told = data.services().enrollment().announceSealingKey(fresh.publicKey().keyId(),
                    fresh.publicKey().toBase64());
            return new Result(fresh.publicKey().keyId(), previous, sealing.size(), told);
        }
    }
}
