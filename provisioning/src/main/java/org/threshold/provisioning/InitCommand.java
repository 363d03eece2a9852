package org.threshold.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a deployment in the hub's data folder: the deployment root key (Ed25519) and its "
                + "certificate, the hub's identity key (Ed25519) and sealing key (HPKE X-Wing), and a TLS "
                + "certificate for the hub signed by the root, and the backup key pair (HPKE X-Wing): its public half "
                + "stays in the folder, its private half is printed or written to --backup-key-out, for offline "
                + "keeping. Secret files are owner-only (0600).",
            "Refuses a folder that already holds a deployment."},
        footer = {"", "Example:",
            "  provision init --hub /var/lib/threshold/hub --name \"Threshold Bulgaria\" \\",
            "      --hub-url https://hub.example.org:8443 --hub-name 10.0.0.5 --backup-key-out /media/usb/backup-key.json"})
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HubOption hub;

    @Option(names = "--name", required = true, description = "The deployment's name, shown in its certificates.")
    String name;

    @Option(names = "--hub-url", required = true, paramLabel = "URL",
            description = "The https:// address kiosks reach the hub at; its host goes into the TLS certificate.")
    String hubUrl;

    @Option(names = "--hub-name", paramLabel = "HOST", description = "Another DNS name or IP address the hub is "
            + "reached at (repeatable). localhost and 127.0.0.1 are always included.")
    List<String> hubNames = new ArrayList<>();

    @Option(names = "--backup-key-out", paramLabel = "FILE", description = "Where to write the private half of the "
            + "backup key (owner-only), e.g. on a USB stick that is then kept offline. Without it the key is printed "
            + "once, to be copied onto paper.")
    Path backupKeyOut;

    @Override
    public Integer call() {
        if (backupKeyOut != null && Files.exists(backupKeyOut)) {
            // Checked before init too, so that a taken file does not leave a deployment whose backup key is lost.
            throw new ProvisioningException(backupKeyOut + " already exists; give --backup-key-out a new file (it would "
                    + "replace another deployment's backup key).");
        }
        DeploymentSettings settings = new DeploymentSettings(name, hubUrl);
        DeploymentInit.Summary summary = new DeploymentInit(new SecureRandom()).run(hub.hubDir, settings, hubNames,
                Instant.now(), step -> spec.commandLine().getOut().println("... " + step));
        spec.commandLine().getOut().println("Deployment \"" + settings.name() + "\" created in " + hub.hubDir.toAbsolutePath());
        spec.commandLine().getOut().println("  root certificate SHA-256:  " + summary.rootFingerprint());
        spec.commandLine().getOut().println("  hub TLS certificate SHA-256 (kiosks pin it): " + summary.tlsFingerprint());
        spec.commandLine().getOut().println("    valid for: " + String.join(", ", summary.tlsNames()));
        spec.commandLine().getOut().println("  hub identity key:          " + summary.hubIdentityFingerprint());
        spec.commandLine().getOut().println("  hub sealing key id:        " + summary.sealingKeyId());
        spec.commandLine().getOut().println("  backup key id:             " + summary.backupKey().keyId());
        if (backupKeyOut != null) {
            Provisioner.keepBackupKey(summary.backupKey(), backupKeyOut);
            spec.commandLine().getOut().println("  backup private key written to " + backupKeyOut.toAbsolutePath()
                    + " (owner-only)");
        } else {
            spec.commandLine().getOut().println("  backup private key (copy it onto paper now; it is not kept here):");
            spec.commandLine().getOut().println("    {\"keyId\":\"" + summary.backupKey().keyId() + "\",\"privateKey\":\""
                    + summary.backupKey().privateKey() + "\"}");
        }
        spec.commandLine().getOut().println("Next:");
        spec.commandLine().getOut().println("  1. Keep the backup private key offline, away from this machine: `provision "
                + "restore` needs it, and anyone holding it and a backup can read every record. Then take backups with "
                + "`provision backup --out FILE` (they hold keys.json and root-key.json too).");
        spec.commandLine().getOut().println("  2. Start the hub on this folder (it serves HTTPS with the new certificate).");
        spec.commandLine().getOut().println("  3. Add an operator, then a kiosk: provision operators add --site SITE --name NAME; "
                + "provision kiosk add --site SITE");
        return 0;
    }
}
