package org.threshold.packaging;

import java.nio.file.Path;
import org.threshold.hub.HubMain;

/**
 * What {@code threshold-hub.service} runs: {@code HubLauncher [--config FILE]} reads the hub's settings
 * ({@link HubConf}, default {@code /etc/threshold/hub.conf}) and starts the hub with them in this JVM. A file
 * with mistakes stops it before the hub opens anything, with exit status {@value #CONFIG_ERROR} (EX_CONFIG),
 * which the unit does not restart on: restarting cannot fix a file.
 */
public final class HubLauncher {
    static final int CONFIG_ERROR = 78;
    static final int USAGE_ERROR = 2;

    private HubLauncher() {
    }

    public static void main(String[] args) {
        Path file = HubConf.DEFAULT_FILE;
        if (args.length == 2 && args[0].equals("--config")) {
            file = Path.of(args[1]);
        } else if (args.length != 0) {
            System.err.println("usage: threshold-hub [--config FILE]   (default " + HubConf.DEFAULT_FILE + ")");
            System.exit(USAGE_ERROR);
            return;
        }
        HubConf conf;
        try {
            conf = HubConf.read(file);
        } catch (HubConf.Invalid invalid) {
            System.err.println("threshold-hub: " + file + " needs fixing before the hub can start:");
            invalid.problems().forEach(problem -> System.err.println("  - " + problem));
            System.exit(CONFIG_ERROR);
            return;
        }
        HubMain.main(conf.hubArguments().toArray(String[]::new));
    }
}
