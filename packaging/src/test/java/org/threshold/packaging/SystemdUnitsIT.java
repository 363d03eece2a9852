package org.threshold.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd accepts the packages' units, over the base system's own units as PiFilesTest checks pi-files'. */
class SystemdUnitsIT {
    private static final Path SYSTEM_UNITS = Path.of("/usr/lib/systemd/system");

    @TempDir
    Path dir;

    @Test
    void systemdAcceptsEveryUnitOfBothPackages() throws Exception {
        assumeTrue(Shell.succeeds("dpkg-deb", "--version"), "dpkg-deb is missing: apt-get install dpkg");
        assumeTrue(Shell.haveOrInstall("systemd-analyze", "systemd"), "systemd-analyze is missing and cannot be "
                + "installed here (needs root and apt-get): install Debian's systemd package to run this check");
        assumeTrue(Files.isDirectory(SYSTEM_UNITS), "no " + SYSTEM_UNITS + " to stand in for the base system");
        Path root = dir.resolve("root");
        DebPackage.built("threshold-hub").extract(root);
        DebPackage.built("threshold-kiosk").extract(root);
        copyTree(SYSTEM_UNITS, root.resolve("usr/lib/systemd/system"));
        List<String> units = List.of("/usr/lib/systemd/system/threshold-hub.service",
                "/usr/lib/systemd/system/threshold-kiosk.service", "/usr/lib/systemd/system/threshold-kiosk-cds.service");
        Shell.Result verify = Shell.run(Duration.ofSeconds(90), null,
                Stream.concat(Stream.of("systemd-analyze", "verify", "--root=" + root), units.stream()).toList());
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).as(verify.output()).doesNotContainIgnoringCase("unknown")
                .doesNotContain("not executable").doesNotContain("No such file");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    continue; // the package's own unit wins
                }
                if (Files.isSymbolicLink(source)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
                } else if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
