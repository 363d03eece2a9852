package org.threshold.hub.deployment;

import org.threshold.hub.app.enrollment.DeploymentAuthority;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.pki.Pem;

/** Reads the deployment root {@code provision init} left in the hub's data folder. */
public final class HubAuthority {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubAuthority() {
    }

    /**
     * @return empty when the hub was set up without a root (the demo, or before {@code provision init} made one)
     * @throws IllegalStateException saying what to restore if the files are there but unusable
     */
    public static Optional<DeploymentAuthority> load(Path dataDir, SecureRandom random) {
        Path keyFile = dataDir.resolve(HubLayout.ROOT_KEY);
        Path certFile = dataDir.resolve(HubLayout.ROOT_CERTIFICATE);
        if (!Files.exists(keyFile)) {
            return Optional.empty();
        }
        try {
            KeyPairFile key = JSON.readValue(keyFile.toFile(), KeyPairFile.class);
            return Optional.of(DeploymentAuthority.of(key.signingKey(), Pem.readCertificate(Files.readString(certFile)),
                    random));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("The deployment root in " + keyFile + " and " + certFile + " is not usable ("
                    + (e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName())
                    + "). Restore both files from the offline backup made after `provision init`.", e);
        }
    }
}
