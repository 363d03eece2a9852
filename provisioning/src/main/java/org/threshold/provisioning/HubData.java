package org.threshold.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.hub.HubServices;
import org.threshold.hub.HubStartupException;

/**
 * The hub as the command line reaches it, on the hub host, whether or not the hub runs: its data folder for keys,
 * certificates and the deployment's settings, and everything else only through the hub's application services
 * (the calls its admin API makes), never its database directly.
 */
final class HubData implements AutoCloseable {
    private final Path hubDir;
    private final HubServices services;

    private HubData(Path hubDir, HubServices services) {
        this.hubDir = hubDir;
        this.services = services;
    }

    static HubData open(HubOption hub) {
        Path hubDir = hub.hubDir;
        if (!Files.isRegularFile(hubDir.resolve(DeploymentLayout.HUB_KEYS))) {
            throw new ProvisioningException("No deployment in " + hubDir.toAbsolutePath() + " (no "
                    + DeploymentLayout.HUB_KEYS + "). Give the hub's data folder with --hub, or create a deployment "
                    + "with `provision init`.");
        }
        try {
            return new HubData(hubDir, HubServices.open(hubDir, hub.database(), Clock.systemUTC()));
        } catch (HubStartupException e) {
            throw new ProvisioningException(e.getMessage());
        }
    }

    Path hubDir() {
        return hubDir;
    }

    HubServices services() {
        return services;
    }

    DeploymentSettings settings() {
        Path file = hubDir.resolve(DeploymentSettings.FILE);
        if (!Files.isRegularFile(file)) {
            throw new ProvisioningException("This hub was set up without `provision init` (no " + DeploymentSettings.FILE
                    + "), so it has no deployment root to enroll kiosks with. Set up a new hub folder with "
                    + "`provision init --hub DIR --name NAME --hub-url https://...`.");
        }
        return DeploymentFiles.read(file, DeploymentSettings.class);
    }

    @Override
    public void close() {
        services.close();
    }
}
