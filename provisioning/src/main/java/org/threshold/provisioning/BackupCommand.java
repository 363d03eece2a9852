package org.threshold.provisioning;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back the hub up while it runs: its database, copied in one snapshot (SQLite's online copy, or "
                + "pg_dump from postgresql-client for PostgreSQL), and the data folder's keys, certificates and "
                + "settings, in one file sealed (HPKE X-Wing) to the deployment's backup key. Only the backup key's "
                + "private half, kept offline, opens it. The file is owner-only (0600).",
            "Keep backups off the hub's disk. `provision restore` puts one back."},
        footer = {"", "Example (nightly, from cron, as the hub's user):",
            "  threshold-provision backup --hub /var/lib/threshold/hub --out /mnt/backup/hub-$(date +%F).tbk"})
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HubOption hub;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The backup file to write (replaced if it exists), outside the data folder.")
    Path out;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        HubBackups.Made made = HubBackups.backUp(hub, out, started);
        PrintWriter print = spec.commandLine().getOut();
        print.printf("Backed up the hub (%s, schema %s) to %s in %d ms: %d bytes, sealed to backup key %s%n",
                made.manifest().dialect(), made.manifest().schemaVersion(), out.toAbsolutePath(),
                Duration.between(started, Instant.now()).toMillis(), made.bytes(), made.sealedTo());
        RestoreCommand.printContents(print, made.manifest().rows(), made.manifest().heads());
        print.println("  " + made.files() + " file(s) of the data folder (keys, certificates, settings)");
        return 0;
    }
}
