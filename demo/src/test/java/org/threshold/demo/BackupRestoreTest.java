package org.threshold.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.BackupKeyFile;
import org.threshold.core.testing.DebianPackages;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubServices;
import org.threshold.hub.app.StoreContents;
import org.threshold.hub.testing.TestPostgres;

/**
 * Backup and restore as an administrator meets them, on SQLite and on PostgreSQL: households registered and synced,
 * {@code provision backup} (its own process) while the hub serves, one more household after it, the hub's folder and
 * database destroyed, bad backups refused with nothing written, {@code provision restore}, and the hub started
 * again. Every household is found by its token, and the kiosk carries on with no gap and no duplicate: it resends
 * what the backup missed.
 */
class BackupRestoreTest {
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;

    @Test
    void aSqliteHubComesBackWhole() throws Exception {
        roundTrip(DatabaseSettings.SQLITE_IN_DATA_FOLDER, DatabaseSettings.SQLITE_IN_DATA_FOLDER, List.of(),
                List.of());
    }

    @Test
    void aPostgresqlHubComesBackWhole() throws Exception {
        DebianPackages.require("pg_dump", "postgresql-client");
        String before = TestPostgres.newDatabaseUrl();
        String after = TestPostgres.newDatabaseUrl();
        roundTrip(DatabaseSettings.of(before, null), DatabaseSettings.of(after, null), List.of("--db", before),
                List.of("--db", after));
    }

    private void roundTrip(DatabaseSettings database, DatabaseSettings restoredDatabase, List<String> dbBefore,
                           List<String> dbAfter) throws Exception {
        Path hubDir = data.resolve("hub");
        Path backup = elsewhere.resolve("hub.tbk");
        Path backupKey = data.resolve(RunningDemo.BACKUP_KEY);
        List<String> codes = new ArrayList<>();
        try (RunningDemo demo = RunningDemo.start(data, 0, 0, database)) {
            JsonHttp kiosk = operator(demo);
            codes.add(register(kiosk, "Nourhan"));
            codes.add(register(kiosk, "Sami"));
            sync(kiosk);
            awaitFound(demo, codes);

            Run made = provision(with(List.of("backup", "--hub", hubDir.toString(), "--out", backup.toString()),
                    dbBefore));
            assertThat(made.exit()).as(made.err()).isZero();
            assertThat(made.out()).contains("events 2, households 2, kiosks 1")
                    .contains(RunningDemo.KIOSK_ID + " chain head: #2");
            assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            codes.add(register(kiosk, "Layla"));
            sync(kiosk);
        }
        deleteTree(hubDir);

        assertBadBackupsWriteNothing(hubDir, backup, backupKey, dbAfter);

        Run restored = provision(with(List.of("restore", "--hub", hubDir.toString(), "--in", backup.toString(),
                "--backup-key", backupKey.toString()), dbAfter));
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("events 2, households 2, kiosks 1")
                .contains(RunningDemo.KIOSK_ID + " chain head: #2");
        assertThat(Files.getPosixFilePermissions(hubDir.resolve("keys.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Run again = provision(with(List.of("restore", "--hub", hubDir.toString(), "--in", backup.toString(),
                "--backup-key", backupKey.toString()), dbAfter));
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("not empty");

        try (RunningDemo demo = RunningDemo.start(data, 0, 0, restoredDatabase)) {
            JsonHttp kiosk = operator(demo);
            codes.add(register(kiosk, "Omar"));
            JsonNode status = null;
            for (int attempt = 0; attempt < 5 && (status == null || status.get("pendingEvents").asInt() > 0);
                 attempt++) {
                status = sync(kiosk);
            }
            assertThat(status.get("pendingEvents").asInt()).as(String.valueOf(status)).isZero();
            awaitFound(demo, codes);
            JsonHttp hub = new JsonHttp(demo.hubUrl())
                    .login("/api/login", "username", RunningDemo.PROTECTION_OFFICER, "password", RunningDemo.ADMIN_PASSWORD);
            for (String code : codes) {
                assertThat(hub.get("/api/tokens/" + code).status()).as(code).isEqualTo(200);
            }
        }
        try (HubServices services = HubServices.open(hubDir, restoredDatabase, Clock.systemUTC())) {
            StoreContents contents = services.storeContents();
            assertThat(contents.events()).isEqualTo(4);
            assertThat(contents.households()).isEqualTo(4);
            assertThat(contents.heads().get(RunningDemo.KIOSK_ID).sequence()).isEqualTo(4);
        }
    }

    /** A wrong key, a cut file and a changed byte are each refused, clearly, before anything is written. */
    private void assertBadBackupsWriteNothing(Path hubDir, Path backup, Path backupKey, List<String> db)
            throws Exception {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        Path otherKey = elsewhere.resolve("other-key.json");
        JsonHttp.JSON.writeValue(otherKey.toFile(), BackupKeyFile.of(seed));
        byte[] sealed = Files.readAllBytes(backup);
        Path cut = elsewhere.resolve("cut.tbk");
        Files.write(cut, Arrays.copyOf(sealed, sealed.length / 2));
        Path changed = elsewhere.resolve("changed.tbk");
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 100] ^= 1;
        Files.write(changed, flipped);

        Run wrongKey = restoreInProcess(hubDir, backup, otherKey, db);
        assertThat(wrongKey.exit()).isEqualTo(2);
        assertThat(wrongKey.err()).contains("not to the key given").contains("Nothing was written");
        Run cutShort = restoreInProcess(hubDir, cut, backupKey, db);
        assertThat(cutShort.exit()).isEqualTo(2);
        assertThat(cutShort.err()).contains("damaged or cut short");
        Run altered = restoreInProcess(hubDir, changed, backupKey, db);
        assertThat(altered.exit()).isEqualTo(2);
        assertThat(altered.err()).contains("altered or damaged");
        assertThat(hubDir).doesNotExist();
    }

    private static Run restoreInProcess(Path hubDir, Path in, Path key, List<String> db) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        var commandLine = org.threshold.provisioning.ProvisionCommand.commandLine();
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        int exit = commandLine.execute(with(List.of("restore", "--hub", hubDir.toString(), "--in", in.toString(),
                "--backup-key", key.toString()), db).toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Households are projected from events in the background: the backup is taken once both are found. */
    private static void awaitFound(RunningDemo demo, List<String> codes) throws Exception {
        JsonHttp hub = new JsonHttp(demo.hubUrl())
                .login("/api/login", "username", RunningDemo.PROTECTION_OFFICER, "password", RunningDemo.ADMIN_PASSWORD);
        for (String code : codes) {
            for (int attempt = 0; attempt < 300 && hub.get("/api/tokens/" + code).status() != 200; attempt++) {
                Thread.sleep(100);
            }
        }
    }

    private static JsonHttp operator(RunningDemo demo) throws Exception {
        return new JsonHttp(demo.kioskUrl()).login("/api/session", "operator", RunningDemo.OPERATOR, "passphrase",
                RunningDemo.OPERATOR_PASSPHRASE);
    }

    private static String register(JsonHttp kiosk, String givenName) throws Exception {
        JsonHttp.Response registered = kiosk.post("/api/households", """
                {"duplicateReviewed":true,"arrivalDate":"2026-11-20","origin":{"country":"SYR","place":"Aleppo"},
                 "languages":["ar"],"consent":{"registration":true,"referral":true},
                 "members":[{"givenName":"%s","familyName":"Haddad","sex":"F","birthDate":"1990-03-01",
                             "birthDateEstimated":false,"nationality":"SYR","relationship":"FOCAL_POINT","needs":[]}]}"""
                .formatted(givenName));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        return registered.body().at("/token/code").asText();
    }

    private static JsonNode sync(JsonHttp kiosk) throws Exception {
        JsonHttp.Response sync = kiosk.post("/api/sync", "{}");
        assertThat(sync.status()).as(String.valueOf(sync.body())).isEqualTo(200);
        return sync.body();
    }

    private static List<String> with(List<String> command, List<String> more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(more);
        return all;
    }

    record Run(int exit, String out, String err) {
    }

    /** {@code provision} in a process of its own, as an administrator runs it beside the hub. */
    private Run provision(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.threshold.provisioning.ProvisionCommand"));
        command.addAll(arguments);
        Path out = elsewhere.resolve("provision.out");
        Path err = elsewhere.resolve("provision.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("provision " + arguments.get(0) + " did not finish in 3 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
