package org.threshold.kiosk;

import java.nio.file.Path;
import java.time.Clock;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.sync.BundleExport;
import org.threshold.kiosk.sync.SyncStateFile;

/**
 * {@code KioskMain export-bundle --data DIR --to FILE}: writes the kiosk's unacknowledged events to one signed
 * bundle for a removable drive and prints {@code EXPORTED FILE events=N first=A last=B bytes=S}. Safe while the
 * kiosk runs: SQLite lets this process read beside it.
 */
final class ExportBundleCommand {
    private ExportBundleCommand() {
    }

    static int run(String[] args) {
        Path data = null;
        Path target = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]).toAbsolutePath();
                case "--to" -> target = Path.of(args[i + 1]).toAbsolutePath();
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + KioskMain.USAGE);
                    return 2;
                }
            }
        }
        if (data == null || target == null) {
            System.err.println(KioskMain.USAGE);
            return 2;
        }
        try {
            Enrollment enrollment = Enrollment.read(data);
            System.setProperty("org.sqlite.tmpdir", data.resolve("sqlite-native").toString());
            try (KioskDatabase database = KioskDatabase.open(data.resolve(KioskApp.DATABASE_FILE))) {
                BundleExport.Exported exported = new BundleExport(enrollment.config().kioskId(), enrollment.kioskKey(),
                        new EventLog(database), new SyncStateFile(data), Clock.systemUTC()).exportTo(target);
                System.out.println("EXPORTED " + exported.file() + " events=" + exported.events() + " first="
                        + exported.firstSequence() + " last=" + exported.lastSequence() + " bytes=" + exported.bytes());
                return 0;
            }
        } catch (RuntimeException e) {
            System.err.println("The bundle was not written: " + e.getMessage());
            return 1;
        }
    }
}
