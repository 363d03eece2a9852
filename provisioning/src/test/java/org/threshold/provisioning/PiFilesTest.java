package org.threshold.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provision pi-files}: what it writes is complete, self-consistent and accepted by systemd. */
class PiFilesTest {
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.:/-])(/(?:opt|etc|var/lib)/[\\w./-]*[\\w])");
    private static final Path SYSTEM_UNITS = Path.of("/usr/lib/systemd/system");

    @TempDir
    Path dir;

    private Path out;

    @BeforeEach
    void writeTree() throws IOException {
        Path app = dir.resolve("kiosk-target");
        Files.createDirectories(app.resolve("lib"));
        Files.writeString(app.resolve("threshold-kiosk-0.1.0-SNAPSHOT.jar"), "the kiosk");
        Files.writeString(app.resolve("threshold-kiosk-0.1.0-SNAPSHOT-tests.jar"), "not shipped");
        Files.writeString(app.resolve("lib/javalin.jar"), "a library");
        out = dir.resolve("out");
        StringWriter printed = new StringWriter();
        var commandLine = ProvisionCommand.commandLine();
        commandLine.setOut(new PrintWriter(printed, true));
        assertThat(commandLine.execute("pi-files", "--kiosk-app", app.toString(), "--out", out.toString())).isZero();
        assertThat(printed.toString()).contains("files written");
    }

    @Test
    void theTreeHoldsTheApplicationAndTheServiceIsHardened() throws IOException {
        assertThat(out.resolve("opt/threshold/kiosk/threshold-kiosk.jar")).hasContent("the kiosk");
        assertThat(out.resolve("opt/threshold/kiosk/lib/javalin.jar")).exists();
        assertThat(Files.isExecutable(out.resolve("opt/threshold/kiosk/bin/threshold-kiosk"))).isTrue();
        String service = Files.readString(out.resolve(PiFiles.SERVICE));
        assertThat(service).contains("User=threshold", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/threshold/kiosk\n", "SupplementaryGroups=gpio dialout lp");
        assertThat(Files.readString(out.resolve("opt/threshold/kiosk/bin/build-cds-archive")))
                .contains("-XX:ArchiveClassesAtExit=");
        assertThat(Files.readString(out.resolve("opt/threshold/kiosk/bin/threshold-kiosk")))
                .contains("-XX:SharedArchiveFile=/var/lib/threshold/kiosk/cds/threshold-kiosk.jsa");
        assertThat(Files.readString(out.resolve("opt/threshold/kiosk/bin/kiosk-browser")))
                .contains("--kiosk").contains("http://127.0.0.1:8080/");
    }

    @Test
    void everyPathTheFilesNameIsInTheTree() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jar")).toList()) {
                Matcher paths = ABSOLUTE_PATH.matcher(Files.readString(file));
                while (paths.find()) {
                    String path = paths.group(1);
                    // Under the data folder only the folder itself ships; kiosk.json and cds/ are made on the Pi.
                    String inTree = path.startsWith(PiFiles.DATA + "/") ? PiFiles.DATA : path;
                    if (!Files.exists(out.resolve(inTree.substring(1)))) {
                        missing.add(path + " (named in " + out.relativize(file) + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void systemdAcceptsTheUnits() throws Exception {
        assumeTrue(systemdAnalyzeAvailable(), "systemd-analyze is missing and cannot be installed here "
                + "(needs root and apt-get): install Debian's systemd package to run this check");
        assumeTrue(Files.isDirectory(SYSTEM_UNITS), "no " + SYSTEM_UNITS + " to stand in for the Pi's base system");
        // The Pi's root as systemd will see it: this tree over the base system's own units.
        Path root = dir.resolve("root");
        copyTree(out, root);
        copyTree(SYSTEM_UNITS, root.resolve("usr/lib/systemd/system"));
        Process verify = new ProcessBuilder("systemd-analyze", "verify", "--root=" + root,
                "/" + PiFiles.SERVICE, "/" + PiFiles.CDS_SERVICE).redirectErrorStream(true).start();
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.exitValue()).as(said).isZero();
        assertThat(said).as(said).doesNotContainIgnoringCase("unknown").doesNotContain("not executable");
    }

    private static boolean systemdAnalyzeAvailable() throws Exception {
        if (runs("systemd-analyze", "--version")) {
            return true;
        }
        boolean root = runs("sh", "-c", "test \"$(id -u)\" = 0");
        if (!root || !runs("sh", "-c", "command -v apt-get")) {
            return false;
        }
        runs("apt-get", "update", "-qq");
        return runs("apt-get", "install", "-y", "-qq", "systemd") && runs("systemd-analyze", "--version");
    }

    private static boolean runs(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                } else if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
