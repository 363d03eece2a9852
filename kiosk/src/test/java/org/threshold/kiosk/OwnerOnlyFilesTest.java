package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.kiosk.KioskClient.Reply;
import org.threshold.provisioning.ProvisionCommand;
import picocli.CommandLine;

/**
 * Everything in the kiosk's data folder is owner-only (folders 0700, files 0600), even when the kiosk runs under a
 * umask of 000 and was set up with files others could read: after a registration, a card print, a sync and an
 * operator update from the hub's feed, no folder or file under it is open to anyone else.
 */
class OwnerOnlyFilesTest {
    private static final String SITE = "North gate";
    private static final String RECEPTION = "bilal";
    private static final String RECEPTION_PASSPHRASE = "staple paper clip";

    @TempDir
    Path work;

    @Test
    @Timeout(240)
    void underAPermissiveUmaskEveryFolderIs0700AndEveryFile0600() throws Exception {
        Path hubDir = work.resolve("hub");
        Path kioskDir = work.resolve("kiosk");
        Path passphrase = Files.writeString(work.resolve("passphrase"), RECEPTION_PASSPHRASE);
        provision("init", "--hub", hubDir.toString(), "--name", "Umask test", "--hub-url", "https://127.0.0.1:8443");
        provision("operators", "add", "--hub", hubDir.toString(), "--site", SITE, "--name", RECEPTION,
                "--passphrase-file", passphrase.toString());

        try (HubServer hub = HubServer.start(HubSettings.of(hubDir).withHost("127.0.0.1").withPort(0))) {
            String ticket = provision("kiosk", "add", "--hub", hubDir.toString(), "--site", SITE, "--hub-url",
                    "https://127.0.0.1:" + hub.port(), "--qr", work.resolve("qr.png").toString())
                    .lines().filter(line -> line.strip().startsWith("ticket: ")).findFirst().orElseThrow()
                    .strip().substring("ticket: ".length());
            Process enroll = underUmask000("enroll", "--data", kioskDir.toString(), ticket)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(enroll.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(enroll.exitValue()).as("enroll").isZero();
            assertThat(notOwnerOnly(kioskDir)).as("after enrollment").isEmpty();

            openToEveryone(kioskDir);
            Process kiosk = underUmask000("--data", kioskDir.toString(), "--port", "0", "--sync-every", "1").start();
            try {
                KioskClient client = new KioskClient(KioskProcesses.servingPort(kiosk));
                assertThat(client.unlock(RECEPTION, RECEPTION_PASSPHRASE).status()).isEqualTo(200);
                ObjectNode household = Households.nourhan();
                household.put("arrivalDate", LocalDate.now(Clock.systemDefaultZone()).minusDays(1).toString());
                Reply registered = client.post("/api/households", household);
                assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
                assertThat(registered.body().path("printed").asBoolean()).as("card printed").isTrue();
                provision("operators", "add", "--hub", hubDir.toString(), "--site", SITE, "--name", "chiara",
                        "--passphrase-file", passphrase.toString());

                Eventually.await(Duration.ofSeconds(90), "the registration synced and the new operator arrived",
                        () -> synced(client) && Files.exists(kioskDir.resolve("sync-state.json"))
                                && read(kioskDir.resolve("operators.json")).contains("chiara"));

                assertThat(filesIn(kioskDir)).as("what the kiosk wrote").contains(
                        "kiosk.db", "kiosk.db-wal", "kiosk.db-shm", "operators.json", "kiosk-key.json", "kiosk.json",
                        "sync-state.json", "hub-tls-cert.pem");
                assertThat(filesIn(kioskDir.resolve("cards"))).anyMatch(name -> name.endsWith(".png"))
                        .anyMatch(name -> name.endsWith(".escpos"));
                assertThat(notOwnerOnly(kioskDir)).as("after a registration, a card, a sync and an update").isEmpty();
            } finally {
                kiosk.destroy();
                if (!kiosk.waitFor(30, TimeUnit.SECONDS)) {
                    kiosk.destroyForcibly();
                }
            }
        }
    }

    /** The kiosk's command line in a child JVM whose umask is 000: whatever it creates, the umask takes nothing off. */
    private static ProcessBuilder underUmask000(String... arguments) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 000 && exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KioskMain.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    private static String provision(String... arguments) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = ProvisionCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        assertThat(commandLine.execute(arguments)).as(String.join(" ", arguments)).isZero();
        return out.toString();
    }

    /** As an SD-card image or an earlier version made under umask 000 would leave them. */
    /**
     * Loosens everything but the two key files: a key file others could read may have been copied, so the kiosk
     * refuses to start on one rather than narrow it (KioskStartupTest); everything else it narrows at start.
     */
    private static void openToEveryone(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String name = path.getFileName().toString();
                if (name.equals(DeploymentLayout.KIOSK_KEY) || name.equals(DeploymentLayout.LOCAL_KEY)) {
                    continue;
                }
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
    }

    /** Every path under {@code root} (and itself) with its mode, unless it is a folder 0700 or a file 0600. */
    private static List<String> notOwnerOnly(Path root) throws IOException {
        List<String> wider = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                if (!mode.equals(Files.isDirectory(path) ? "rwx------" : "rw-------")) {
                    wider.add(root.relativize(path) + " " + mode);
                }
            }
        }
        return wider;
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static boolean synced(KioskClient client) {
        try {
            Reply status = client.get("/api/status");
            return status.body().path("pendingEvents").asInt(-1) == 0 && status.body().path("totalEvents").asInt() > 0;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
