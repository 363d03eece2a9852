package org.threshold.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What an SD card needs to boot a Raspberry Pi straight into the kiosk, laid out as a file-system tree to
 * copy onto the card's root: the kiosk application, its hardened systemd service, a one-time step that
 * builds a class-data-sharing archive, Chromium in kiosk mode, udev rules for printer and scanner, and an
 * install script and notes. Every path a unit or script names exists in the tree (or is the system's own:
 * {@code /usr/bin}, {@code /bin}, {@code /dev}).
 */
final class PiFiles {
    static final String APP = "/opt/threshold/kiosk";
    static final String DATA = "/var/lib/threshold/kiosk";
    static final String USER = "threshold";
    static final String SERVICE = "etc/systemd/system/threshold-kiosk.service";
    static final String CDS_SERVICE = "etc/systemd/system/threshold-kiosk-cds.service";
    static final String JAR_NAME = "threshold-kiosk.jar";
    static final int PORT = 8080;

    private PiFiles() {
    }

    /** The kiosk application: its jar and the {@code lib/} folder beside it, as {@code mvn package} leaves them. */
    record KioskApp(Path jar, Path lib) {
        static KioskApp find(Path folder) {
            Path jar;
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> jars = files.filter(file -> {
                    String name = file.getFileName().toString();
                    return name.startsWith("threshold-kiosk") && name.endsWith(".jar") && !name.endsWith("-tests.jar")
                            && !name.endsWith("-sources.jar");
                }).toList();
                if (jars.size() != 1) {
                    throw new ProvisioningException("Expected one threshold-kiosk-*.jar in " + folder + ", found "
                            + jars.size() + ". Build it with `mvn -B -DskipTests package` and give --kiosk-app "
                            + "kiosk/target.");
                }
                jar = jars.get(0);
            } catch (IOException e) {
                throw new ProvisioningException("Could not read " + folder + " (" + e.getMessage() + "). Give "
                        + "--kiosk-app the kiosk module's target folder (after `mvn -B -DskipTests package`).");
            }
            Path lib = folder.resolve("lib");
            if (!Files.isDirectory(lib)) {
                throw new ProvisioningException("No lib/ folder beside " + jar + ". Build with `mvn -B -DskipTests "
                        + "package`, which copies the kiosk's libraries there.");
            }
            return new KioskApp(jar, lib);
        }
    }

    static List<Path> write(Path out, KioskApp app, Consumer<String> progress) {
        List<Path> written = new ArrayList<>();
        progress.accept("Copying the kiosk application to " + APP);
        Path appDir = out.resolve(APP.substring(1));
        copy(app.jar(), appDir.resolve(JAR_NAME), written);
        try (Stream<Path> libs = Files.list(app.lib())) {
            for (Path lib : libs.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
                copy(lib, appDir.resolve("lib").resolve(lib.getFileName()), written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + app.lib(), e);
        }
        progress.accept("Writing the systemd units, scripts, udev rules and notes");
        text(out, "opt/threshold/kiosk/bin/threshold-kiosk", RUN_SCRIPT, true, written);
        text(out, "opt/threshold/kiosk/bin/build-cds-archive", CDS_SCRIPT, true, written);
        text(out, "opt/threshold/kiosk/bin/kiosk-browser", BROWSER_SCRIPT, true, written);
        text(out, "opt/threshold/kiosk/bin/install-on-pi", INSTALL_SCRIPT, true, written);
        text(out, SERVICE, SERVICE_UNIT, false, written);
        text(out, CDS_SERVICE, CDS_UNIT, false, written);
        text(out, "etc/xdg/autostart/threshold-kiosk-browser.desktop", BROWSER_AUTOSTART, false, written);
        text(out, "etc/udev/rules.d/70-threshold-kiosk.rules", UDEV_RULES, false, written);
        text(out, "etc/fstab.d-threshold-data.example", FSTAB_EXAMPLE, false, written);
        text(out, "opt/threshold/kiosk/README-PI.md", NOTES, false, written);
        try {
            Files.createDirectories(out.resolve(DATA.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private static void copy(Path from, Path to, List<Path> written) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            written.add(to);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void text(Path out, String relative, String content, boolean executable, List<Path> written) {
        Path file = out.resolve(relative);
        DeploymentFiles.writeText(file, content, executable ? "rwxr-xr-x" : "rw-r--r--");
        written.add(file);
    }

    /**
     * The kiosk JVM's bounds on a Pi (2 GB in all, shared with Chromium): heap at most 96 MiB (an unlock's Argon2id
     * at the SHIFT_KEY cost needs 64 MiB of it for a moment), metaspace, code cache and direct buffers capped, and
     * G1 handing unused heap back to the system within seconds (the periodic collection) instead of keeping its
     * high-water mark. Measured with bench's KioskFootprintHarness: about 140 MB resident while registering.
     */
    static final String JVM_FLAGS = "-Xms16m -Xmx96m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m "
            + "-XX:MaxDirectMemorySize=16m -XX:+UseG1GC -XX:G1PeriodicGCInterval=5000 -XX:GCTimeRatio=4 "
            + "-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:TieredStopAtLevel=1";

    static final String RUN_SCRIPT = """
            #!/bin/sh
            # Starts the Threshold kiosk; systemd runs this as the threshold user (threshold-kiosk.service).
            # `threshold-kiosk enroll TICKET` enrolls a blank kiosk first (run it as the threshold user).
            # The class-data-sharing archive, when build-cds-archive has made it, cuts start-up time;
            # -Xshare:auto starts without it (or with a stale one) rather than failing.
            if [ "${1:-}" = enroll ]; then
                shift
                exec java -jar %2$s/%3$s enroll --data %1$s "$@"
            fi
            exec java -Xshare:auto -XX:SharedArchiveFile=%1$s/cds/threshold-kiosk.jsa %5$s \\
                -jar %2$s/%3$s --data %1$s --port %4$d "$@"
            """.formatted(DATA, APP, JAR_NAME, PORT, JVM_FLAGS);

    static final String CDS_SCRIPT = """
            #!/bin/sh
            # Builds the class-data-sharing archive once, after enrollment: runs the kiosk on a spare port with
            # -XX:ArchiveClassesAtExit, waits until it answers, and stops it so the JVM writes the archive.
            # Bounded: gives up after 180 seconds. Run as the threshold user (threshold-kiosk-cds.service does).
            set -eu
            archive=%1$s/cds/threshold-kiosk.jsa
            mkdir -p %1$s/cds
            java -XX:ArchiveClassesAtExit="$archive" %4$s -jar %2$s/%3$s --data %1$s --port 18080 --sync-every 0 &
            pid=$!
            tries=0
            until curl -fsS -o /dev/null http://127.0.0.1:18080/api/status; do
                tries=$((tries + 1))
                if [ "$tries" -ge 180 ]; then
                    echo "The kiosk did not answer within 180 s; no archive built (the kiosk starts without one)." >&2
                    kill "$pid"; wait "$pid" || true; exit 1
                fi
                sleep 1
            done
            kill "$pid"
            wait "$pid" || true
            echo "Class-data-sharing archive: $archive"
            """.formatted(DATA, APP, JAR_NAME, JVM_FLAGS);

    static final String BROWSER_SCRIPT = """
            #!/bin/sh
            # Chromium in kiosk mode on the kiosk's own page, once the kiosk answers (up to 120 s).
            tries=0
            until curl -fsS -o /dev/null http://127.0.0.1:%1$d/api/status || [ "$tries" -ge 120 ]; do
                tries=$((tries + 1)); sleep 1
            done
            browser=$(command -v chromium-browser || command -v chromium)
            exec "$browser" --kiosk --noerrdialogs --disable-infobars --no-first-run --incognito \\
                --disable-translate --disable-features=Translate --check-for-update-interval=31536000 \\
                --password-store=basic http://127.0.0.1:%1$d/
            """.formatted(PORT);

    static final String INSTALL_SCRIPT = """
            #!/bin/sh
            # Run once as root on the Pi after copying this tree onto its root file system.
            set -eu
            getent group gpio >/dev/null || groupadd --system gpio
            id -u %1$s >/dev/null 2>&1 || useradd --system --home-dir %2$s --shell /usr/sbin/nologin \\
                --groups gpio,dialout,lp %1$s
            install -d -o %1$s -g %1$s -m 0700 %2$s
            udevadm control --reload-rules && udevadm trigger
            systemctl daemon-reload
            systemctl enable threshold-kiosk-cds.service threshold-kiosk.service
            echo "Now enroll: sudo -u %1$s %3$s/bin/threshold-kiosk enroll THENROLL1:... ; then reboot."
            """.formatted(USER, DATA, APP);

    static final String SERVICE_UNIT = """
            [Unit]
            Description=Threshold reception kiosk (serves http://127.0.0.1:%4$d)
            Documentation=file:%2$s/README-PI.md
            After=network-online.target time-sync.target threshold-kiosk-cds.service
            Wants=network-online.target
            RequiresMountsFor=%1$s
            ConditionPathExists=%1$s/kiosk.json

            [Service]
            Type=simple
            User=%3$s
            Group=%3$s
            SupplementaryGroups=gpio dialout lp
            ExecStart=%2$s/bin/threshold-kiosk
            Restart=always
            RestartSec=2
            TimeoutStopSec=20
            UMask=0077
            NoNewPrivileges=yes
            ProtectSystem=strict
            ReadWritePaths=%1$s
            ProtectHome=yes
            PrivateTmp=yes
            ProtectKernelTunables=yes
            ProtectKernelModules=yes
            ProtectKernelLogs=yes
            ProtectControlGroups=yes
            ProtectClock=yes
            ProtectHostname=yes
            RestrictSUIDSGID=yes
            RestrictRealtime=yes
            RestrictNamespaces=yes
            LockPersonality=yes
            RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK
            CapabilityBoundingSet=
            AmbientCapabilities=

            [Install]
            WantedBy=multi-user.target
            """.formatted(DATA, APP, USER, PORT);

    static final String CDS_UNIT = """
            [Unit]
            Description=Threshold kiosk: build the class-data-sharing archive once, after enrollment
            Before=threshold-kiosk.service
            RequiresMountsFor=%1$s
            ConditionPathExists=%1$s/kiosk.json
            ConditionPathExists=!%1$s/cds/threshold-kiosk.jsa

            [Service]
            Type=oneshot
            User=%3$s
            Group=%3$s
            ExecStart=%2$s/bin/build-cds-archive
            TimeoutStartSec=240
            NoNewPrivileges=yes
            ProtectSystem=strict
            ReadWritePaths=%1$s
            ProtectHome=yes
            PrivateTmp=yes

            [Install]
            WantedBy=multi-user.target
            """.formatted(DATA, APP, USER);

    static final String BROWSER_AUTOSTART = """
            [Desktop Entry]
            Type=Application
            Name=Threshold kiosk screen
            Comment=Chromium in kiosk mode on http://127.0.0.1:%d/
            Exec=%s/bin/kiosk-browser
            X-GNOME-Autostart-enabled=true
            """.formatted(PORT, APP);

    static final String UDEV_RULES = """
            # Threshold kiosk devices: readable and writable by the kiosk's groups, with stable names.
            # USB thermal printers (USB printer class 07, e.g. ESC/POS receipt printers) -> group lp.
            SUBSYSTEM=="usbmisc", KERNEL=="lp[0-9]*", GROUP="lp", MODE="0660", SYMLINK+="threshold-printer"
            SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_device", ATTRS{bInterfaceClass}=="07", GROUP="lp", MODE="0660"
            # Serial-mode barcode scanners (USB CDC-ACM or USB-serial adapters) -> group dialout.
            SUBSYSTEM=="tty", KERNEL=="ttyACM[0-9]*", GROUP="dialout", MODE="0660", SYMLINK+="threshold-scanner"
            SUBSYSTEM=="tty", KERNEL=="ttyUSB[0-9]*", GROUP="dialout", MODE="0660"
            # GPIO (status lights, buttons, tamper switch) -> group gpio.
            SUBSYSTEM=="gpio", KERNEL=="gpiochip[0-9]*", GROUP="gpio", MODE="0660"
            """;

    static final String FSTAB_EXAMPLE = """
            # Add to the Pi's fstab for a read-only root with the kiosk's data on its own partition or a USB SSD.
            # Find the partition's UUID with `blkid`; ext4 with data=journal keeps committed registrations safe.
            # /                        : ro   (overlayroot or `raspi-config nonint enable_overlayfs`)
            UUID=REPLACE-WITH-DATA-UUID  %s  ext4  defaults,noatime,nodev,nosuid,noexec,data=journal,commit=1  0  2
            """.formatted(DATA);

    static final String NOTES = """
            # Threshold kiosk on a Raspberry Pi

            This tree goes onto the Pi's root file system as it is (`sudo cp -a DIR/. /`), then run
            `sudo %2$s/bin/install-on-pi` once. It creates the `%3$s` user (groups gpio, dialout, lp), the data
            folder `%1$s` (0700), reloads the udev rules and enables both units.

            - `%2$s/threshold-kiosk.jar` and `lib/`: the kiosk application (Java 17).
            - `etc/systemd/system/threshold-kiosk.service`: runs it as `%3$s` with `NoNewPrivileges`,
              `ProtectSystem=strict` and only `%1$s` writable; restarts it if it stops.
            - `etc/systemd/system/threshold-kiosk-cds.service`: once after enrollment, `bin/build-cds-archive`
              records the classes the kiosk loads (`-XX:ArchiveClassesAtExit`) into `%1$s/cds/`; the kiosk then
              starts with `-XX:SharedArchiveFile` (delete the archive after a software update to rebuild it).
            - `etc/xdg/autostart/threshold-kiosk-browser.desktop`: Chromium in kiosk mode on
              http://127.0.0.1:%4$d/ when the desktop session starts (set the Pi to log in automatically).
            - `etc/udev/rules.d/70-threshold-kiosk.rules`: printer (`lp`), scanner (`dialout`), GPIO (`gpio`).

            ## Read-only root, data on its own partition

            A kiosk's card gets its power pulled. Keep the root file system read-only (`raspi-config` >
            Performance > Overlay file system, or `overlayroot`) so it cannot be corrupted, and put `%1$s` on
            its own ext4 partition or, better, a USB SSD (far more write cycles than an SD card): see
            `etc/fstab.d-threshold-data.example`. `RequiresMountsFor=` makes the kiosk wait for that mount and
            never write into the read-only root instead. Everything the kiosk writes is under `%1$s`.

            ## Enroll

            `sudo -u %3$s %2$s/bin/threshold-kiosk enroll THENROLL1:...` with the ticket from
            `provision kiosk add` (or scan its QR image). The key pair is made on the Pi and never leaves it.
            """.formatted(DATA, APP, USER, PORT);
}
