package org.threshold.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.threshold.bench.raw.RawPostgresCopy;
import org.threshold.hub.DatabaseSettings;
import org.threshold.provisioning.ProvisionCommand;
import org.threshold.provisioning.Provisioner;

/**
 * {@code BackupHarness [HOUSEHOLDS]}: {@code provision backup} and {@code restore} of a hub holding HOUSEHOLDS
 * households (seeded straight into the store, as {@link HubStoreHarness} does), on SQLite and on PostgreSQL (zonky's
 * embedded server, the system's pg_dump and pg_restore): wall time of each, in this JVM after one warm-up round, and
 * the backup's size. Default 100,000 households.
 */
public final class BackupHarness {
    private BackupHarness() {
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("threshold-backup-");
        try (EmbeddedPostgres postgres = RawPostgresCopy.start()) {
            int[] databases = {0};
            java.util.function.Supplier<String> newDatabase = () -> {
                String name = "backup_" + ++databases[0];
                try (Connection admin = postgres.getPostgresDatabase().getConnection();
                     Statement create = admin.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name + "?user=postgres";
            };
            round(dir.resolve("warm-up"), 1_000, null, null);
            System.out.printf("Backup and restore of %,d households:%n", households);
            round(dir.resolve("sqlite"), households, null, null);
            round(dir.resolve("postgresql"), households, newDatabase.get(), newDatabase.get());
        }
    }

    private static void round(Path dir, int households, String from, String to) {
        Path hubDir = dir.resolve("hub");
        Path key = dir.resolve("backup-key.json");
        Path backup = dir.resolve("hub.tbk");
        Provisioner provisioner = new Provisioner(new SecureRandom());
        provisioner.initHub(hubDir);
        Provisioner.keepBackupKey(provisioner.initBackupKey(hubDir), key);
        HubStoreHarness.seed(hubDir, from == null ? DatabaseSettings.SQLITE_IN_DATA_FOLDER
                : DatabaseSettings.of(from, null), households);

        long backupMillis = provision("backup", "--hub", hubDir.toString(), "--out", backup.toString(), from);
        long restoreMillis = provision("restore", "--hub", dir.resolve("restored").toString(), "--in",
                backup.toString(), "--backup-key", key.toString(), to);
        if (households > 1_000) {
            System.out.printf("  %-10s backup %,6d ms, restore (with its check) %,6d ms, backup file %,d bytes%n",
                    from == null ? "SQLite" : "PostgreSQL", backupMillis, restoreMillis, backup.toFile().length());
        }
    }

    private static long provision(String command, String... arguments) {
        List<String> all = new ArrayList<>(List.of(command));
        for (int i = 0; i < arguments.length; i++) {
            if (i == arguments.length - 1) {
                if (arguments[i] != null) {
                    all.addAll(List.of("--db", arguments[i]));
                }
            } else {
                all.add(arguments[i]);
            }
        }
        StringWriter err = new StringWriter();
        var commandLine = ProvisionCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int exit = commandLine.execute(all.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException("provision " + command + " failed: " + err);
        }
        return millis;
    }
}
