package org.threshold.hub;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.hub.deployment.DeploymentException;
import org.threshold.hub.deployment.EnrolledKiosks;
import org.threshold.hub.deployment.HubKeys;
import org.threshold.hub.store.AdminDatabase;
import org.threshold.hub.store.Schema;
import org.threshold.hub.store.SqliteDatabase;
import org.threshold.hub.store.SqliteEventStore;
import org.threshold.hub.store.SqliteUpdateStore;
import org.threshold.hub.store.StoreException;
import org.threshold.hub.sync.BundleImport;
import org.threshold.hub.sync.IngestGate;
import org.threshold.hub.sync.SyncApi;

/**
 * {@code HubMain import-bundle}: imports USB bundles into a hub's data folder without serving, through the same
 * verification as network sync. A hub running on the same folder meanwhile is fine (SQLite serialises the
 * writers); it projects the imported events at its next sync or restart.
 */
final class BundleImportCommand implements AutoCloseable {
    private final SqliteDatabase database;
    private final BundleImport bundles;

    private BundleImportCommand(SqliteDatabase database, BundleImport bundles) {
        this.database = database;
        this.bundles = bundles;
    }

    static BundleImportCommand open(Path dataDir) {
        HubKeys keys;
        SqliteDatabase database;
        try {
            keys = HubKeys.load(dataDir);
            database = SqliteDatabase.open(dataDir.resolve(HubServer.DATABASE_FILE));
        } catch (DeploymentException | StoreException e) {
            throw new HubStartupException(e.getMessage(), e);
        }
        try {
            Schema.create(database);
        } catch (StoreException e) {
            database.close();
            throw new HubStartupException(e.getMessage(), e);
        }
        EnrolledKiosks kiosks = new EnrolledKiosks(dataDir.resolve(DeploymentLayout.ENROLLED_KIOSKS));
        SyncApi sync = new SyncApi(kiosks, new SqliteEventStore(database),
                SqliteUpdateStore.open(AdminDatabase.in(dataDir)), keys, Clock.systemUTC(), IngestGate.DEFAULT,
                () -> { });
        return new BundleImportCommand(database, new BundleImport(sync, kiosks));
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
        database.close();
    }
}
