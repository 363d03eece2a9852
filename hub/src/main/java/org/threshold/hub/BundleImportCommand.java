package org.threshold.hub;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import org.threshold.hub.app.sync.BundleImport;
import org.threshold.hub.app.sync.SyncService;
import org.threshold.hub.deployment.DeploymentException;
import org.threshold.hub.deployment.HubKeys;

/**
 * {@code HubMain import-bundle}: imports USB bundles into a hub's store without serving, through the same
 * verification as network sync. A hub running on the same store meanwhile is fine (the database serialises the
 * appends to each chain); it projects the imported events within its next tick.
 */
final class BundleImportCommand implements AutoCloseable {
    private final HubServices services;
    private final BundleImport bundles;

    private BundleImportCommand(HubServices services, BundleImport bundles) {
        this.services = services;
        this.bundles = bundles;
    }

    static BundleImportCommand open(Path dataDir, DatabaseSettings database) {
        try {
            HubKeys.load(dataDir);
        } catch (DeploymentException e) {
            throw new HubStartupException(e.getMessage(), e);
        }
        HubServices services = HubServices.open(dataDir, database, Clock.systemUTC());
        SyncService sync = new SyncService(services.store(), Clock.systemUTC(), () -> { });
        return new BundleImportCommand(services, new BundleImport(sync, services.kiosks()));
    }

    /** Imports one file and prints one line about it; true when it was imported whole. */
    boolean importAndReport(Path file, PrintStream out) {
        try {
            BundleImport.Result result = bundles.importFile(file);
            out.println((result.complete() ? "IMPORTED " : "PARTIAL ") + file + " kiosk=" + result.kioskId()
                    + " events=" + result.events() + " stored=" + result.stored() + " duplicates="
                    + result.duplicates() + " highestSeq=" + result.highestSeq()
                    + (result.complete() ? "" : " reason=" + result.reason() + " (" + result.message() + ")"));
            return result.complete();
        } catch (BundleImport.BundleRejectedException e) {
            out.println("REJECTED " + file + " reason=" + e.reason() + " (" + e.getMessage() + ")");
            return false;
        }
    }

    @Override
    public void close() {
        services.close();
    }
}
