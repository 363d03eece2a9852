package org.threshold.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.threshold.core.deployment.BackupKeyFile;
import org.threshold.core.deployment.DeploymentLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup-key", mixinStandardHelpOptions = true,
        description = {"Make the backup key pair of a deployment that has none (made before backups existed): the "
                + "public half goes into the data folder, the private half into --out, owner-only, to be kept "
                + "offline. `provision init` makes one for every new deployment. Refuses a deployment that has one."},
        footer = {"", "Example:", "  provision backup-key --hub /var/lib/threshold/hub --out /media/usb/backup-key.json"})
final class BackupKeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HubOption hub;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the private half (a new file, away from the hub once copied).")
    Path out;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(hub.hubDir.resolve(DeploymentLayout.HUB_KEYS))) {
            throw new ProvisioningException("No deployment in " + hub.hubDir.toAbsolutePath() + " (no "
                    + DeploymentLayout.HUB_KEYS + "); give the hub's data folder with --hub.");
        }
        if (Files.exists(out)) {
            throw new ProvisioningException(out + " already exists; give --out a new file.");
        }
        BackupKeyFile key = new Provisioner(new SecureRandom()).initBackupKey(hub.hubDir);
        Provisioner.keepBackupKey(key, out);
        spec.commandLine().getOut().println("Backup key " + key.keyId() + " made: public half in "
                + hub.hubDir.toAbsolutePath() + ", private half in " + out.toAbsolutePath() + " (owner-only). Keep "
                + "it offline, away from the hub; `provision backup` seals to it from now on.");
        return 0;
    }
}
