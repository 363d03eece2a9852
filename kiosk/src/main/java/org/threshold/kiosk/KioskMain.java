package org.threshold.kiosk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.threshold.kiosk.enrollment.EnrollCommand;
import org.threshold.kiosk.retention.Shredder;
import org.threshold.kiosk.store.StorageGuard;

/**
 * {@code KioskMain --data DIR [--port N] [--hub URL] [--sync-every SECONDS] [--retention-hours N]
 * [--min-free-mb N] [--demo]}: runs the kiosk
 * on 127.0.0.1 until the process is stopped, and prints {@code KIOSK http://127.0.0.1:PORT} once it serves.
 * {@code KioskMain enroll ...} enrolls a blank kiosk first ({@link EnrollCommand}); {@code KioskMain export-bundle
 * ...} writes unsynced events to a USB bundle ({@link ExportBundleCommand}).
 */
public final class KioskMain {
    static final String USAGE = "usage: KioskMain --data DIR [--port N] [--hub URL] [--sync-every SECONDS] "
            + "[--retention-hours N] [--min-free-mb N] [--demo]\n"
            + "       KioskMain enroll [--data DIR] TICKET   (enrolls a blank kiosk, then exits; enroll --help)\n"
            + "       KioskMain export-bundle --data DIR --to FILE   (unsynced events to one signed file, then exits)";
    private static final String HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 8080;
    private static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(30);

    private KioskMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("enroll")) {
            System.exit(EnrollCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("export-bundle")) {
            System.exit(ExportBundleCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        KioskSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        KioskApp app;
        try {
            // The JVM's own temporary files (Jetty's among them) go to the data folder too, not to /tmp.
            Path temp = settings.dataDir().toAbsolutePath().resolve(KioskApp.TEMP_FOLDER);
            org.threshold.kiosk.store.OwnerOnlyFiles.folder(temp);
            System.setProperty("java.io.tmpdir", temp.toString());
        } catch (java.io.IOException e) {
            System.err.println("Could not create the kiosk's temporary folder in " + settings.dataDir() + " ("
                    + e.getMessage() + "). Check that the data folder is writable.");
            System.exit(1);
            return;
        }
        try {
            app = KioskApp.start(settings);
        } catch (KioskStartException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "kiosk-shutdown"));
        System.out.println("KIOSK http://" + HOST + ":" + app.port());
    }

    static KioskSettings parse(String... args) {
        Path data = null;
        int port = DEFAULT_PORT;
        String hub = null;
        boolean demo = false;
        Duration syncInterval = DEFAULT_SYNC_INTERVAL;
        Duration retention = Shredder.DEFAULT_RETENTION;
        long minFreeBytes = StorageGuard.DEFAULT_MIN_FREE_BYTES;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(required(args[i], value));
                case "--port" -> port = number(args[i], value, 0, 65_535);
                case "--hub" -> hub = required(args[i], value);
                case "--sync-every" -> syncInterval = Duration.ofSeconds(number(args[i], value, 0, 86_400));
                case "--retention-hours" -> retention = Duration.ofHours(number(args[i], value, 0, 24 * 365));
                case "--min-free-mb" -> minFreeBytes = number(args[i], value, 0, 1_000_000) * 1024L * 1024;
                case "--demo" -> {
                    demo = true;
                    continue;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        if (data == null) {
            throw new IllegalArgumentException("--data is required: the folder the kiosk was enrolled into\n" + USAGE);
        }
        return new KioskSettings(data, HOST, port, hub, demo, Clock.systemDefaultZone(), syncInterval)
                .withRetention(retention).withMinFreeDiskBytes(minFreeBytes);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(required(option, value));
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number from " + min + " to " + max + "\n"
                    + USAGE);
        }
    }
}
