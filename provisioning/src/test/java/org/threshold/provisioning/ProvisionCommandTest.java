package org.threshold.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.BackupKeyFile;
import org.threshold.core.deployment.BackupPublicKeyFile;
import org.threshold.core.enrollment.EnrollmentTicket;
import picocli.CommandLine;

/** The command line as an administrator meets it: help, init, codes, and errors that say what to do. */
class ProvisionCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ProvisionCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        List<String> withoutExample = new ArrayList<>();
        collect(ProvisionCommand.commandLine(), new ArrayList<>(), withoutExample);
        assertThat(withoutExample).isEmpty();
        assertThat(run("kiosk", "add", "--help").out()).contains("--site").contains("Example");
        assertThat(run("--help").out()).contains("through the hub's own services");
    }

    private static void collect(CommandLine command, List<String> path, List<String> withoutExample) {
        List<String> here = new ArrayList<>(path);
        here.add(command.getCommandName());
        String help = run(append(here.subList(1, here.size()), "--help")).out();
        if (!help.contains("Example")) {
            withoutExample.add(String.join(" ", here));
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, here, withoutExample));
    }

    private static String[] append(List<String> args, String last) {
        List<String> all = new ArrayList<>(args);
        all.add(last);
        return all.toArray(String[]::new);
    }

    @Test
    void initWritesOwnerOnlySecretsAndRefusesToRunTwice() throws Exception {
        Path hub = dir.resolve("hub");
        Run init = run("init", "--hub", hub.toString(), "--name", "Test", "--hub-url", "https://hub.example.org:8443");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("root certificate SHA-256").contains("hub TLS certificate SHA-256")
                .contains("hub.example.org");
        for (String secret : List.of("keys.json", "root-key.json", "hub-tls-key.pem")) {
            assertThat(Files.getPosixFilePermissions(hub.resolve(secret))).as(secret)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(init.out()).contains("backup private key (copy it onto paper now").contains("\"privateKey\":\"");
        assertThat(hub.resolve("backup-key.pub.json")).exists();
        Run again = run("init", "--hub", hub.toString(), "--name", "Test", "--hub-url", "https://hub.example.org");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("Refusing to replace");
        assertThat(run("init", "--hub", dir.resolve("other").toString(), "--name", "T", "--hub-url",
                "http://plain").err()).contains("must be the https:// address");
    }

    @Test
    void initWritesTheBackupPrivateKeyOwnerOnlyOutsideTheDataFolder() throws Exception {
        Path hub = dir.resolve("hub");
        Path key = dir.resolve("usb").resolve("backup-key.json");
        Run init = run("init", "--hub", hub.toString(), "--name", "Test", "--hub-url", "https://hub.example.org:8443",
                "--backup-key-out", key.toString());
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).doesNotContain("privateKey");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        BackupKeyFile privateHalf = new ObjectMapper().readValue(key.toFile(), BackupKeyFile.class);
        BackupPublicKeyFile publicHalf = new ObjectMapper().readValue(hub.resolve("backup-key.pub.json").toFile(),
                BackupPublicKeyFile.class);
        assertThat(privateHalf.backupKey().publicKey()).isEqualTo(publicHalf.backupKey());
        try (var files = Files.list(hub)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(privateHalf.privateKey());
            }
        }
    }

    @Test
    void aDeploymentWithoutABackupKeyIsToldHowToMakeOne() throws Exception {
        Path hub = dir.resolve("hub");
        run("init", "--hub", hub.toString(), "--name", "Test", "--hub-url", "https://hub.example.org:8443");
        Files.delete(hub.resolve("backup-key.pub.json"));
        Path backup = dir.resolve("hub.tbk");

        Run refused = run("backup", "--hub", hub.toString(), "--out", backup.toString(), "--hub-conf", "none");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("provision backup-key --out FILE");
        Path key = dir.resolve("backup-key.json");
        Run made = run("backup-key", "--hub", hub.toString(), "--out", key.toString());
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(run("backup-key", "--hub", hub.toString(), "--out", dir.resolve("k2.json").toString()).err())
                .contains("already has a backup key");
        Run backedUp = run("backup", "--hub", hub.toString(), "--out", backup.toString(), "--hub-conf", "none");
        assertThat(backedUp.exit()).as(backedUp.err()).isZero();
        assertThat(backedUp.out()).contains("events 0, households 0, kiosks 0");
    }

    @Test
    void aCodeNeedsAnOperatorFirstThenComesAsTextAndAsAQrImageOfTheSameTicket() throws Exception {
        Path hub = dir.resolve("hub");
        run("init", "--hub", hub.toString(), "--name", "Test", "--hub-url", "https://hub.example.org:8443");
        Run refused = run("kiosk", "add", "--hub", hub.toString(), "--site", "North gate");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("has no operators yet").contains("provision operators add");

        Path passphrase = dir.resolve("passphrase");
        Files.writeString(passphrase, "four words of hers\n");
        assertThat(run("operators", "add", "--hub", hub.toString(), "--site", "North gate", "--name", "amal",
                "--passphrase-file", passphrase.toString()).exit()).isZero();
        Path qr = dir.resolve("code.png");
        Run added = run("kiosk", "add", "--hub", hub.toString(), "--site", "North gate", "--valid-for", "2h",
                "--qr", qr.toString());
        assertThat(added.exit()).as(added.err()).isZero();
        String ticket = added.out().lines().filter(line -> line.contains("ticket: ")).findFirst().orElseThrow()
                .strip().substring("ticket: ".length());
        assertThat(EnrollmentTicket.parse(ticket).hubUrl()).isEqualTo("https://hub.example.org:8443");
        assertThat(added.out()).contains("KIOSK-01");
        assertThat(Files.getPosixFilePermissions(qr)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(qr.toFile()))))).getText();
        assertThat(decoded).isEqualTo(ticket);
        // The hub keeps only the code's hash.
        String code = EnrollmentTicket.parse(ticket).code().reveal();
        assertThat(new String(Files.readAllBytes(hub.resolve("hub.db")), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(code).doesNotContain(code.replace("-", ""));

        assertThat(run("kiosk", "revoke", "KIOSK-77", "--hub", hub.toString()).err()).contains("No kiosk KIOSK-77");
        assertThat(run("operators", "remove", "--hub", hub.toString(), "--site", "North gate", "--name", "nobody")
                .err()).contains("has no operator nobody");
        assertThat(run("kiosk", "add", "--hub", hub.toString(), "--site", "North gate", "--valid-for", "soon").err())
                .contains("30m, 12h or 7d");
    }

    @Test
    void aKioskEnrolledByFileCanBeRevokedToo() throws Exception {
        Path hub = dir.resolve("hub");
        run("init", "--hub", hub.toString(), "--name", "Test", "--hub-url", "https://hub.example.org:8443");
        new Provisioner(new java.security.SecureRandom()).enrollKiosk(hub, dir.resolve("kiosk"), "KIOSK-05",
                "East gate", "https://hub.example.org:8443", List.of(new Provisioner.OperatorGrant("amal",
                        org.threshold.core.deployment.OperatorRecord.Role.RECEPTION, "long enough".toCharArray())));
        assertThat(run("kiosk", "list", "--hub", hub.toString()).out()).contains("KIOSK-05").contains("enrolled offline");

        Run revoked = run("kiosk", "revoke", "KIOSK-05", "--hub", hub.toString());
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        try (org.threshold.hub.HubServices services = org.threshold.hub.HubServices.open(hub,
                org.threshold.hub.DatabaseSettings.SQLITE_IN_DATA_FOLDER, java.time.Clock.systemUTC())) {
            assertThat(services.kiosks().find("KIOSK-05")).hasValueSatisfying(kiosk -> assertThat(kiosk.revoked())
                    .isTrue());
        }
        assertThat(run("kiosk", "list", "--hub", hub.toString()).out()).contains("East gate").contains("REVOKED");
    }

    @Test
    void migrateStoreMovesEverythingIntoAnEmptyPostgresqlAndRefusesAFullOne() throws Exception {
        Path hub = dir.resolve("hub");
        run("init", "--hub", hub.toString(), "--name", "Test", "--hub-url", "https://hub.example.org:8443");
        new Provisioner(new java.security.SecureRandom()).enrollKiosk(hub, dir.resolve("kiosk"), "KIOSK-05",
                "East gate", "https://hub.example.org:8443", List.of(new Provisioner.OperatorGrant("amal",
                        org.threshold.core.deployment.OperatorRecord.Role.RECEPTION, "long enough".toCharArray())));
        assertThat(run("kiosk", "revoke", "KIOSK-05", "--hub", hub.toString()).exit()).isZero();
        String target = org.threshold.hub.testing.TestPostgres.newDatabaseUrl();

        Path password = Files.writeString(dir.resolve("db-password"), "secret");
        Run misplaced = run("migrate-store", "--hub", hub.toString(), "--to", target, "--db-password-file",
                password.toString());
        Run moved = run("migrate-store", "--hub", hub.toString(), "--to", target);
        Run again = run("migrate-store", "--hub", hub.toString(), "--to", target);

        assertThat(misplaced.exit()).isEqualTo(2);
        assertThat(misplaced.err()).contains("--to-password-file FILE");
        assertThat(moved.exit()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("kiosks").contains("feed_updates").contains("Checked");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already holds").contains("nothing was copied");
        assertThat(run("kiosk", "list", "--hub", hub.toString(), "--db", target).out()).contains("KIOSK-05")
                .contains("REVOKED");
    }
}
