package org.threshold.hub;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.referral.ReferralData;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.StoreContents;
import org.threshold.hub.app.StoreException;
import org.threshold.hub.app.StoreMove;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.dsr.HouseholdErasure;
import org.threshold.hub.app.dsr.RetentionJob;
import org.threshold.hub.app.dsr.RetentionPeriods;
import org.threshold.hub.app.enrollment.Enrollment;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.feed.UpdateFeed;
import org.threshold.hub.app.kiosk.KioskDirectory;
import org.threshold.hub.app.sync.SyncStatus;
import org.threshold.hub.deployment.DeploymentException;
import org.threshold.hub.deployment.HubKeys;
import org.threshold.hub.store.JdbiHubStore;

/**
 * The hub's administrative application services over its store, without serving: what the admin API calls, and
 * what the {@code provision} command line and the demo call from another process while the hub runs (or not).
 * Nothing here reaches the database but through the services. Close it when done.
 */
public final class HubServices implements AutoCloseable {
    private final Path dataDir;
    private final Clock clock;
    private final HubStore store;
    private final KioskDirectory kiosks;
    private final UpdateFeed updates;
    private final Enrollment enrollment;
    private final SyncStatus syncStatus;
    private final Accounts accounts;

    HubServices(Path dataDir, HubStore store, Clock clock, Argon2idCost passwordCost) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.store = store;
        this.kiosks = new KioskDirectory(store, clock);
        this.updates = new UpdateFeed(store, clock);
        this.enrollment = new Enrollment(store, updates, clock);
        this.syncStatus = new SyncStatus(store);
        this.accounts = new Accounts(store, clock, new SecureRandom(), ReferralData.bundled().services(),
                Accounts.Pause.SLEEP, passwordCost);
    }

    /**
     * Opens the hub's store (migrating it if this release is newer).
     *
     * @throws HubStartupException saying what to do when the database cannot be opened
     */
    public static HubServices open(Path dataDir, DatabaseSettings database, Clock clock) {
        return open(dataDir, database, clock, Argon2idCost.DEFAULT);
    }

    /** As {@link #open(Path, DatabaseSettings, Clock)}, hashing new passwords at {@code passwordCost}. */
    public static HubServices open(Path dataDir, DatabaseSettings database, Clock clock, Argon2idCost passwordCost) {
        return new HubServices(dataDir, openStore(dataDir, database), clock, passwordCost);
    }

    static HubStore openStore(Path dataDir, DatabaseSettings database) {
        try {
            return JdbiHubStore.open(database.urlFor(dataDir), database.password());
        } catch (StoreException e) {
            throw new HubStartupException(e.getMessage(), e);
        }
    }

    public KioskDirectory kiosks() {
        return kiosks;
    }

    public UpdateFeed updates() {
        return updates;
    }

    public Enrollment enrollment() {
        return enrollment;
    }

    public SyncStatus syncStatus() {
        return syncStatus;
    }

    /** The hub's accounts, roles and sessions. */
    public Accounts accounts() {
        return accounts;
    }

    /**
     * Copies this hub's whole state into the empty database {@code target} and checks it arrived whole (see
     * {@link StoreMove}). Run it with the hub stopped.
     *
     * @throws HubStartupException if the target cannot be opened; Refusal CONFLICT if it is not empty
     */
    public StoreMove.Moved moveTo(Path dataDir, DatabaseSettings target) {
        try (HubStore into = openStore(dataDir, target)) {
            return StoreMove.move(store, into);
        }
    }

    /**
     * Writes a consistent copy of the hub's whole state to {@code file} (owner-only) while the hub runs, and returns
     * what the copy holds (see {@link HubStore#dumpTo}).
     *
     * @throws StoreException saying what to do
     */
    public StoreContents dumpStoreTo(Path file) {
        return store.dumpTo(file);
    }

    /** Rows per table and every kiosk's chain head, read in one snapshot: what a restore is checked by. */
    public StoreContents storeContents() {
        return store.contents();
    }

    /**
     * Fills the empty database {@code target} of the hub whose data folder is {@code dataDir} from {@code dumpFile},
     * a copy {@link #dumpStoreTo} made of a {@code dumpDialect} store. Open the services on it afterwards to check it.
     *
     * @throws StoreException if the target holds anything (it is left as it was) or the restore fails
     */
    public static void restoreStore(Path dataDir, DatabaseSettings target, String dumpDialect, Path dumpFile) {
        JdbiHubStore.restore(target.urlFor(dataDir), target.password(), dumpDialect, dumpFile);
    }

    /**
     * Whether a file of the data folder is the SQLite database or one of its journals: a backup takes the database
     * through {@link #dumpStoreTo}, never as a file that may be mid-write.
     */
    public static boolean isDatabaseFile(Path file) {
        return file.getFileName().toString().startsWith(JdbiHubStore.SQLITE_FILE);
    }

    /**
     * What the retention job would do now under {@code periods}: the same dry run as the DPO's
     * ({@code GET /api/dsr/retention}), recorded in the access log as {@code actor}'s.
     */
    public RetentionJob.Plan retentionPlan(RetentionPeriods periods, String actor) {
        try (AccessAudit audit = new AccessAudit(store, AccessAudit.DEFAULT_CAPACITY);
             RetentionJob job = retention(periods, audit)) {
            return job.plan(actor);
        }
    }

    /**
     * Runs the retention job now under {@code periods}, as the DPO's {@code POST /api/dsr/retention/run} does (its
     * erasures' tombstones signed by this hub's identity key, from the data folder); safe beside running hub instances,
     * which take the job's turn in the database as this does.
     */
    public RetentionJob.Outcome runRetention(RetentionPeriods periods, String actor) {
        try (AccessAudit audit = new AccessAudit(store, AccessAudit.DEFAULT_CAPACITY);
             RetentionJob job = retention(periods, audit)) {
            return job.runNow(actor);
        }
    }

    private RetentionJob retention(RetentionPeriods periods, AccessAudit audit) {
        HubKeys keys;
        try {
            keys = HubKeys.load(dataDir);
        } catch (DeploymentException e) {
            throw new HubStartupException(e.getMessage(), e);
        }
        return new RetentionJob(store, new HouseholdErasure(HubEvents.of(keys, clock)), audit, periods, clock);
    }

    /** The database and its schema version. */
    public HubStore.StoreInfo storeInfo() {
        return store.info();
    }

    HubStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
