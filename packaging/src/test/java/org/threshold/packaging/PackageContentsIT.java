package org.threshold.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.packaging.build.StagePackages;
import org.threshold.provisioning.ProvisionCommand;

/** What the two packages hold: paths, modes, owners, conffiles and maintainer scripts. */
class PackageContentsIT {
    private static final String JAVA_17 = "default-jre-headless (>= 2:1.17) | openjdk-17-jre-headless";
    /** Paths a unit, script or note may name: they must be in the package (or under its data folder). */
    private static final Pattern NAMED_PATH = Pattern.compile(
            "(?<![\\w.:/-])(/(?:opt|etc|var/lib|usr/share/threshold-\\w+|usr/lib/systemd|usr/lib/udev|usr/bin)/[\\w./-]*\\w)");

    @TempDir
    Path dir;

    @BeforeAll
    static void dpkgDeb() throws InterruptedException {
        assumeTrue(Shell.succeeds("dpkg-deb", "--version"), "dpkg-deb is missing: apt-get install dpkg");
    }

    @Test
    void theHubPackageHoldsTheServiceTheLauncherAndProvision() throws Exception {
        DebPackage hub = DebPackage.built("threshold-hub");
        Map<String, DebPackage.Entry> files = hub.contents();
        assertThat(files.get("etc/threshold/hub.conf").mode()).isEqualTo("-rw-r--r--");
        assertThat(files.get("usr/lib/systemd/system/threshold-hub.service").mode()).isEqualTo("-rw-r--r--");
        assertThat(files.get("usr/bin/threshold-provision").mode()).isEqualTo("-rwxr-xr-x");
        assertThat(files.get("usr/share/threshold-hub/bin/threshold-hub").mode()).isEqualTo("-rwxr-xr-x");
        assertThat(files).containsKeys("usr/share/doc/threshold-hub/copyright",
                "usr/share/doc/threshold-hub/changelog.gz", "usr/share/threshold-hub/lib/threshold-packaging.jar",
                "usr/share/man/man1/threshold-provision.1.gz");
        List<String> jars = files.keySet().stream().filter(p -> p.startsWith("usr/share/threshold-hub/lib/"))
                .map(p -> p.substring("usr/share/threshold-hub/lib/".length())).toList();
        assertThat(jars).anyMatch(j -> j.startsWith("threshold-hub-")).anyMatch(j -> j.startsWith("threshold-provisioning-"))
                .anyMatch(j -> j.startsWith("sqlite-jdbc-")).anyMatch(j -> j.startsWith("picocli-"))
                .noneMatch(j -> j.startsWith("threshold-kiosk") || j.startsWith("pi4j"));
        assertOwnedByRootWithPlainModes(files, "usr/bin/threshold-provision", "usr/share/threshold-hub/bin/threshold-hub");

        Path control = hub.control(dir.resolve("control"));
        assertThat(Files.readString(control.resolve("control"))).contains("Package: threshold-hub\n",
                "Architecture: all\n", "Depends: " + JAVA_17 + ",", "Recommends: postgresql-client\n");
        assertConffilesAreEveryFileInEtc(control, files, List.of("/etc/threshold/hub.conf"));
        assertMaintainerScripts(control);
        String postinst = Files.readString(control.resolve("postinst"));
        assertThat(postinst).contains("DATA=/var/lib/threshold/hub\n", "adduser --quiet --system --group --home \"$DATA\"",
                "install -d -m 0700 -o threshold-hub -g threshold-hub \"$DATA\"");
        assertThat(purgeSection(control)).contains("rm -rf \"$DATA\"", "userdel threshold-hub");
        assertThat(Files.readString(control.resolve("postrm"))).doesNotContain("db_", "debconf");

        Path root = hub.extract(dir.resolve("root"));
        String unit = Files.readString(root.resolve("usr/lib/systemd/system/threshold-hub.service"));
        assertThat(unit).contains("User=threshold-hub\n", "NoNewPrivileges=yes\n", "ProtectSystem=strict\n",
                "UMask=0077\n", "CapabilityBoundingSet=\n", "ExecStart=/usr/share/threshold-hub/bin/threshold-hub "
                        + "--config /etc/threshold/hub.conf\n");
        assertThat(unit.lines().filter(l -> l.startsWith("ReadWritePaths="))).containsExactly(
                "ReadWritePaths=/var/lib/threshold/hub");
        assertEveryNamedPathIsShipped(root, "/var/lib/threshold/hub", "usr/lib/systemd", "usr/bin",
                "usr/share/threshold-hub/bin");
    }

    @Test
    void theKioskPackageHoldsWhatPiFilesWritesInDebiansPlaces() throws Exception {
        DebPackage kiosk = DebPackage.built("threshold-kiosk");
        Map<String, DebPackage.Entry> files = kiosk.contents();
        List<String> executables = List.of("usr/share/threshold-kiosk/bin/threshold-kiosk",
                "usr/share/threshold-kiosk/bin/build-cds-archive", "usr/share/threshold-kiosk/bin/kiosk-browser",
                "usr/share/threshold-kiosk/bin/install-on-pi");
        for (String executable : executables) {
            assertThat(files.get(executable).mode()).as(executable).isEqualTo("-rwxr-xr-x");
        }
        assertThat(files.get("usr/bin/threshold-kiosk").linkTarget()).isEqualTo("../share/threshold-kiosk/bin/threshold-kiosk");
        assertThat(files).containsKeys("usr/share/doc/threshold-kiosk/copyright", "usr/share/doc/threshold-kiosk/changelog.gz",
                "usr/share/man/man1/threshold-kiosk.1.gz");
        assertOwnedByRootWithPlainModes(files, executables.toArray(String[]::new));
        assertThat(files.keySet()).noneMatch(p -> p.startsWith("opt") || p.startsWith("var"));

        Path control = kiosk.control(dir.resolve("control"));
        assertThat(Files.readString(control.resolve("control"))).contains("Package: threshold-kiosk\n",
                "Architecture: all\n", "Depends: " + JAVA_17 + ",");
        assertConffilesAreEveryFileInEtc(control, files, List.of("/etc/xdg/autostart/threshold-kiosk-browser.desktop"));
        assertMaintainerScripts(control);
        assertThat(Files.readString(control.resolve("postinst"))).contains("DATA=/var/lib/threshold/kiosk\n",
                "install -d -m 0700 -o threshold -g threshold \"$DATA\"", "adduser --quiet threshold \"$group\"",
                "for group in gpio dialout lp");
        assertThat(purgeSection(control)).contains("rm -rf \"$DATA\"", "userdel threshold");

        // The same files as a fresh `provision pi-files`, each in its Debian place, with the moved paths rewritten.
        Path piTree = dir.resolve("pi-files");
        StringWriter said = new StringWriter();
        var provision = ProvisionCommand.commandLine();
        provision.setOut(new PrintWriter(said, true));
        assertThat(provision.execute("pi-files", "--kiosk-app", System.getProperty("threshold.kioskApp"), "--out",
                piTree.toString())).as(said.toString()).isZero();
        Path root = kiosk.extract(dir.resolve("root"));
        try (Stream<Path> written = Files.walk(piTree)) {
            for (Path file : written.filter(Files::isRegularFile).toList()) {
                String relative = piTree.relativize(file).toString();
                Path packaged = root.resolve(StagePackages.place(relative));
                if (relative.endsWith(".jar")) {
                    assertThat(packaged).as(relative).hasSameBinaryContentAs(file);
                } else {
                    assertThat(packaged).as(relative).hasContent(StagePackages.rewrite(Files.readString(file)));
                }
            }
        }
        String service = Files.readString(root.resolve("usr/lib/systemd/system/threshold-kiosk.service"));
        assertThat(service).contains("ExecStart=/usr/share/threshold-kiosk/bin/threshold-kiosk\n",
                "ReadWritePaths=/var/lib/threshold/kiosk\n", "NoNewPrivileges=yes", "ProtectSystem=strict");
        assertEveryNamedPathIsShipped(root, "/var/lib/threshold/kiosk", "usr/lib", "usr/share/threshold-kiosk", "etc");
    }

    private static void assertOwnedByRootWithPlainModes(Map<String, DebPackage.Entry> files, String... executables) {
        List<String> executable = List.of(executables);
        for (DebPackage.Entry entry : files.values()) {
            assertThat(entry.owner()).as(entry.path()).isEqualTo("root/root");
            if (entry.isDirectory()) {
                assertThat(entry.mode()).as(entry.path()).isEqualTo("drwxr-xr-x");
            } else if (entry.isFile()) {
                assertThat(entry.mode()).as(entry.path())
                        .isEqualTo(executable.contains(entry.path()) ? "-rwxr-xr-x" : "-rw-r--r--");
            }
        }
    }

    private static void assertConffilesAreEveryFileInEtc(Path control, Map<String, DebPackage.Entry> files,
                                                         List<String> expected) throws IOException {
        assertThat(Files.readAllLines(control.resolve("conffiles"))).containsExactlyElementsOf(expected);
        assertThat(files.values().stream().filter(e -> e.path().startsWith("etc/") && !e.isDirectory())
                .map(e -> "/" + e.path())).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** postinst, prerm and postrm: executable, POSIX sh, stopping at the first error. */
    private static void assertMaintainerScripts(Path control) throws Exception {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Path file = control.resolve(script);
            assertThat(Files.isExecutable(file)).as(script).isTrue();
            assertThat(Files.readString(file)).as(script).startsWith("#!/bin/sh\n").contains("\nset -e\n");
            Shell.Result syntax = Shell.run(Duration.ofSeconds(30), "sh", "-n", file.toString());
            assertThat(syntax.exit()).as(script + ": " + syntax.output()).isZero();
        }
    }

    private static String purgeSection(Path control) throws IOException {
        String postrm = Files.readString(control.resolve("postrm"));
        int purge = postrm.indexOf("if [ \"$1\" = purge ]; then");
        assertThat(purge).as("postrm handles purge").isPositive();
        return postrm.substring(purge);
    }

    /** Like PiFilesTest: every path a unit or script names is in the package, or under its data folder. */
    private static void assertEveryNamedPathIsShipped(Path root, String dataFolder, String... under) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String folder : under) {
            try (Stream<Path> files = Files.walk(root.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jar")).toList()) {
                    Matcher paths = NAMED_PATH.matcher(Files.readString(file));
                    while (paths.find()) {
                        String path = paths.group(1);
                        if (!path.startsWith(dataFolder) && !Files.exists(root.resolve(path.substring(1)))) {
                            missing.add(path + " (named in " + root.relativize(file) + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
