package org.threshold.provisioning;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Put a backup made by `provision backup` back into an EMPTY data folder (and, with --db, an "
                + "empty PostgreSQL database; a SQLite hub's backup may go into PostgreSQL too). The backup is opened "
                + "with the backup key's private half and checked whole before anything is written; a folder or "
                + "database that holds anything is refused. Afterwards the restored hub is checked against the "
                + "backup: rows per table and every kiosk's chain head.",
            "Then start the hub on the folder: kiosks carry on syncing from where the backup left off, sending "
                + "again whatever they sent after it."},
        footer = {"", "Example:",
            "  threshold-provision restore --hub /var/lib/threshold/hub --in /mnt/backup/hub-2026-12-01.tbk \\",
            "      --backup-key /media/usb/backup-key.json"})
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HubOption hub;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The backup file.")
    Path in;

    @Option(names = "--backup-key", required = true, paramLabel = "KEYFILE",
            description = "The backup key's private half, as `provision init` wrote or printed it.")
    Path backupKey;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        HubBackups.Restored restored = HubBackups.restore(hub.hubDir, hub.database(), in, backupKey);
        PrintWriter print = spec.commandLine().getOut();
        print.printf("Restored the backup of %s into %s (%s) in %d ms, and checked it:%n",
                restored.manifest().createdAt(), hub.hubDir.toAbsolutePath(), restored.contents().dialect(),
                Duration.between(started, Instant.now()).toMillis());
        printContents(print, restored.manifest().rows(), restored.manifest().heads());
        print.println("  " + restored.files() + " file(s) of the data folder");
        print.println("Start the hub on it; kiosks resend whatever they sent after the backup was made.");
        return 0;
    }

    /** Counts of events, households and kiosks, then every kiosk's chain head. */
    static void printContents(PrintWriter print, Map<String, Long> rows, Map<String, BackupArchive.Head> heads) {
        print.printf("  events %d, households %d, kiosks %d%n", rows.getOrDefault("events", 0L),
                rows.getOrDefault("households", 0L), rows.getOrDefault("kiosks", 0L));
        heads.forEach((kiosk, head) -> print.printf("  %s chain head: #%d %s%n", kiosk, head.sequence(),
                head.hash().substring(0, 16)));
    }
}
