package org.threshold.provisioning;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

@Command(name = "pi-files", mixinStandardHelpOptions = true,
        description = {"Write what a Raspberry Pi's SD card needs to boot into the kiosk, as a tree to copy onto its "
                + "root: the kiosk application (jar and lib/), a hardened systemd service (dedicated user, "
                + "NoNewPrivileges, ProtectSystem=strict, only the data folder writable, groups gpio, dialout, lp), "
                + "a one-time class-data-sharing archive step, Chromium in kiosk mode on http://127.0.0.1:8080, udev "
                + "rules for printer and scanner, an install script and notes for a read-only root.",
            "Needs no hub: run it anywhere the kiosk was built."},
        footer = {"", "Example:", "  mvn -B -DskipTests package",
            "  provision pi-files --kiosk-app kiosk/target --out /media/$USER/rootfs-staging",
            "  sudo cp -a /media/$USER/rootfs-staging/. /media/$USER/rootfs/"})
final class PiFilesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the tree.")
    Path out;

    @Option(names = "--kiosk-app", defaultValue = "kiosk/target", paramLabel = "DIR",
            description = "The folder with threshold-kiosk-*.jar and lib/ (default: ${DEFAULT-VALUE}).")
    Path kioskApp;

    @Override
    public Integer call() {
        List<Path> written = PiFiles.write(out, PiFiles.KioskApp.find(kioskApp), step -> spec.commandLine().getOut().println("... " + step));
        spec.commandLine().getOut().println(written.size() + " files written under " + out.toAbsolutePath() + ".");
        spec.commandLine().getOut().println("Next: copy the tree onto the Pi's root and run " + PiFiles.APP
                + "/bin/install-on-pi as root; see " + PiFiles.APP + "/README-PI.md.");
        return 0;
    }
}
