package org.threshold.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packages installed, removed and purged on this machine with apt, as an administrator would: users,
 * owner-only data folders, enabled units, kept data on remove, nothing left after purge. It changes the
 * machine, so it runs only when asked, as root on Debian:
 * {@code mvn -B -pl packaging -am verify -Dthreshold.packaging.hostInstall=true -Dit.test=HostInstallIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class HostInstallIT {
    private static final Duration APT = Duration.ofMinutes(10);
    private static final Path WANTS = Path.of("/etc/systemd/system/multi-user.target.wants");

    /** Set once the checks below pass: only then does this test install, so only then may it purge. */
    private boolean installing;

    @BeforeEach
    void onlyWhenAskedOnADebianRoot() throws Exception {
        assumeTrue(Boolean.getBoolean("threshold.packaging.hostInstall"), "changes this machine: run with "
                + "-Dthreshold.packaging.hostInstall=true as root on Debian 12 or Raspberry Pi OS");
        assumeTrue(Shell.succeeds("sh", "-c", "test \"$(id -u)\" = 0 && command -v apt-get"), "needs root and apt-get");
        assertThat(installed("threshold-hub") || installed("threshold-kiosk"))
                .as("threshold-hub or threshold-kiosk is already installed here; purge it first").isFalse();
        installing = true;
    }

    @AfterEach
    void leaveTheMachineAsItWas() throws Exception {
        if (installing) {
            // dpkg rather than apt: apt cannot name a package it no longer knows from any source.
            Shell.Result purge = Shell.run(APT, "dpkg", "--purge", "threshold-hub", "threshold-kiosk");
            assertThat(purge.exit()).as(purge.output()).isZero();
        }
    }

    @Test
    void theHubInstallsKeepsItsDataOnRemoveAndLosesItOnPurge() throws Exception {
        apt("install", "-y", DebPackage.built("threshold-hub").file.toAbsolutePath().toString());
        Path data = Path.of("/var/lib/threshold/hub");
        assertOwnerOnly(data, "threshold-hub");
        assertThat(WANTS.resolve("threshold-hub.service")).exists();
        assertThat(Path.of("/etc/threshold/hub.conf")).exists();

        Shell.Result init = Shell.run(Duration.ofMinutes(2), Path.of("/tmp"), List.of("threshold-provision",
                "init", "--name", "Host install", "--hub-url", "https://127.0.0.1:8443"));
        assertThat(init.exit()).as(init.output()).isZero();
        assertThat(Files.getOwner(data.resolve("keys.json")).getName()).isEqualTo("threshold-hub");

        apt("remove", "-y", "threshold-hub");
        assertThat(data.resolve("keys.json")).exists();
        assertThat(Path.of("/etc/threshold/hub.conf")).as("a conffile stays until purge").exists();

        apt("purge", "-y", "threshold-hub");
        assertThat(data).doesNotExist();
        assertThat(Path.of("/etc/threshold/hub.conf")).doesNotExist();
        assertThat(WANTS.resolve("threshold-hub.service")).doesNotExist();
        assertThat(Shell.succeeds("getent", "passwd", "threshold-hub")).isFalse();
    }

    @Test
    void theKioskInstallsWithItsDeviceGroupsKeepsItsDataOnRemoveAndLosesItOnPurge() throws Exception {
        apt("install", "-y", DebPackage.built("threshold-kiosk").file.toAbsolutePath().toString());
        Path data = Path.of("/var/lib/threshold/kiosk");
        assertOwnerOnly(data, "threshold");
        Shell.Result groups = Shell.run(Duration.ofSeconds(10), "id", "-nG", "threshold");
        assertThat(groups.output().split("\\s+")).contains("gpio", "dialout", "lp");
        assertThat(WANTS.resolve("threshold-kiosk.service")).exists();
        assertThat(WANTS.resolve("threshold-kiosk-cds.service")).exists();
        Files.writeString(data.resolve("kiosk.json"), "{}");

        apt("remove", "-y", "threshold-kiosk");
        assertThat(data.resolve("kiosk.json")).exists();

        apt("purge", "-y", "threshold-kiosk");
        assertThat(data).doesNotExist();
        assertThat(Shell.succeeds("getent", "passwd", "threshold")).isFalse();
    }

    private static void assertOwnerOnly(Path folder, String user) throws Exception {
        PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class);
        assertThat(attributes.owner().getName()).isEqualTo(user);
        assertThat(PosixFilePermissions.toString(attributes.permissions())).isEqualTo("rwx------");
    }

    private static boolean installed(String name) throws InterruptedException {
        return Shell.succeeds("sh", "-c", "dpkg-query -W -f='${Status}' " + name + " 2>/dev/null | grep -q 'ok installed'");
    }

    private static void apt(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("apt-get", "-q",
                "-o", "DPkg::Lock::Timeout=300"));
        command.addAll(List.of(arguments));
        Shell.Result result = Shell.run(APT, null, command);
        assertThat(result.exit()).as(String.join(" ", command) + "\n" + result.output()).isZero();
    }
}
