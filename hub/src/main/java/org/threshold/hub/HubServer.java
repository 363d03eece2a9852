package org.threshold.hub;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hub.account.Accounts;
import org.threshold.hub.account.LoginApi;
import org.threshold.hub.account.SessionAuth;
import org.threshold.hub.deployment.DeploymentException;
import org.threshold.hub.deployment.EnrolledKiosks;
import org.threshold.hub.deployment.HubKeys;
import org.threshold.hub.enrollment.DeploymentAuthority;
import org.threshold.hub.enrollment.EnrollmentApi;
import org.threshold.hub.enrollment.EnrollmentStore;
import org.threshold.hub.enrollment.HubAuthority;
import org.threshold.hub.feed.UpdateFeed;
import org.threshold.hub.feed.UpdateFeedApi;
import org.threshold.hub.household.HouseholdProjector;
import org.threshold.hub.household.TokenApi;
import org.threshold.hub.household.TokenLookup;
import org.threshold.hub.http.ErrorResponses;
import org.threshold.hub.http.HubJson;
import org.threshold.hub.http.HubTls;
import org.threshold.hub.http.SecurityHeaders;
import org.threshold.hub.store.AdminDatabase;
import org.threshold.hub.store.Schema;
import org.threshold.hub.store.SqliteAccessLog;
import org.threshold.hub.store.SqliteAccountStore;
import org.threshold.hub.store.SqliteDatabase;
import org.threshold.hub.store.SqliteEventStore;
import org.threshold.hub.store.SqliteHouseholdReadModel;
import org.threshold.hub.store.SqliteSyncLedger;
import org.threshold.hub.store.SqliteUpdateStore;
import org.threshold.hub.store.StoreException;
import org.threshold.hub.sync.IngestGate;
import org.threshold.hub.sync.KiosksApi;
import org.threshold.hub.sync.SyncApi;
import org.threshold.hub.web.Pages;

/**
 * A running hub: sync ingest, household projection, accounts, token lookup and the caseworker's pages over
 * one HTTP server, on one SQLite file. Start it with {@link #start}, stop it with {@link #close}.
 */
public final class HubServer implements AutoCloseable {
    /** The hub's database, inside its data folder. */
    public static final String DATABASE_FILE = "hub.db";
    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);

    private final Javalin http;
    private final HouseholdProjector projector;
    private final SqliteDatabase database;
    private final SyncApi sync;
    private final UpdateFeed updates;
    private final boolean tls;

    private HubServer(Javalin http, HouseholdProjector projector, SqliteDatabase database, SyncApi sync,
                      UpdateFeed updates, boolean tls) {
        this.http = http;
        this.tls = tls;
        this.projector = projector;
        this.database = database;
        this.sync = sync;
        this.updates = updates;
    }

    /** Starts with the default {@link IngestGate}. */
    public static HubServer start(HubSettings settings) {
        return start(settings, IngestGate.DEFAULT);
    }

    /**
     * Reads the keys and opens the databases in {@code settings.dataDir()}, then serves: HTTPS when the data
     * folder holds the TLS certificate and key from {@code provision init} ({@link HubTls}), plain HTTP otherwise.
     *
     * @throws HubStartupException if keys.json is missing or unreadable, the TLS files or deployment root are
     *                             unusable, or a database cannot be opened
     */
    public static HubServer start(HubSettings settings, IngestGate ingestGate) {
        Path dataDir = settings.dataDir();
        HubKeys keys;
        try {
            keys = HubKeys.load(dataDir);
        } catch (DeploymentException e) {
            throw new HubStartupException(e.getMessage(), e);
        }
        SqliteDatabase database;
        try {
            database = SqliteDatabase.open(dataDir.resolve(DATABASE_FILE));
        } catch (StoreException e) {
            throw new HubStartupException(e.getMessage(), e);
        }
        try {
            Schema.create(database);
        } catch (StoreException e) {
            database.close();
            throw new HubStartupException(e.getMessage(), e);
        }
        HouseholdProjector projector = null;
        try {
            Optional<HubTls> tls;
            Optional<DeploymentAuthority> authority;
            SqliteUpdateStore updateStore;
            UpdateFeed updates;
            EnrollmentStore enrollment;
            try {
                tls = HubTls.load(dataDir);
                authority = HubAuthority.load(dataDir, new SecureRandom());
                AdminDatabase admin = AdminDatabase.in(dataDir);
                updateStore = SqliteUpdateStore.open(admin);
                updates = new UpdateFeed(updateStore, settings.clock());
                enrollment = EnrollmentStore.open(admin, updates);
            } catch (IllegalStateException e) {
                throw new HubStartupException(e.getMessage(), e);
            }
            Optional<EnrollmentApi> enrollmentApi = authority.map(root -> new EnrollmentApi(dataDir, enrollment, root,
                    settings.clock()));
            EnrolledKiosks kiosks = new EnrolledKiosks(dataDir.resolve(DeploymentLayout.ENROLLED_KIOSKS));
            SqliteEventStore events = new SqliteEventStore(database);
            SqliteHouseholdReadModel households = new SqliteHouseholdReadModel(database);
            NeedsCatalogue catalogue = NeedsCatalogue.bundled();
            projector = new HouseholdProjector(events, households, keys, catalogue, settings.clock(),
                    ingestGate::awaitQuiet);
            Accounts accounts = new Accounts(new SqliteAccountStore(database), settings.clock(), new SecureRandom());
            if (settings.hasBootstrapAdmin() && accounts.createFirstAdmin(settings.adminUser(), settings.adminPassword())) {
                LOG.info("Created the first account, {} (ADMIN)", settings.adminUser());
            }
            SessionAuth auth = new SessionAuth(accounts);
            TokenLookup lookup = new TokenLookup(projector, households, kiosks, new SqliteAccessLog(database),
                    settings.clock());
            SyncApi sync = new SyncApi(kiosks, events, updateStore, keys, settings.clock(), ingestGate,
                    projector::wake);
            UpdateFeedApi updatesApi = new UpdateFeedApi(updates, kiosks, keys.identity(), settings.clock());
            KiosksApi kiosksApi = new KiosksApi(new SqliteSyncLedger(database), kiosks, updateStore, auth);
            LoginApi login = new LoginApi(accounts);
            TokenApi tokens = new TokenApi(lookup, auth);
            Pages pages = new Pages(accounts, auth, lookup, catalogue, settings.demoMode());

            Javalin http = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.jsonMapper(new JavalinJackson(HubJson.MAPPER, false));
                config.http.maxRequestSize = SyncApi.MAX_BATCH_BYTES;
                SecurityHeaders.install(config.routes);
                sync.addRoutes(config.routes);
                updatesApi.addRoutes(config.routes);
                kiosksApi.addRoutes(config.routes);
                enrollmentApi.ifPresent(api -> api.addRoutes(config.routes));
                tls.ifPresent(https -> https.install(config, settings.host(), settings.port()));
                login.addRoutes(config.routes);
                tokens.addRoutes(config.routes);
                pages.addRoutes(config.routes);
                ErrorResponses.install(config.routes, pages::errorPage);
            }).start(settings.host(), settings.port());
            // Events stored before a restart but not yet projected.
            projector.wake();
            LOG.info("Hub serving {} on {}:{}{}", tls.isPresent() ? "HTTPS" : "plain HTTP", settings.host(), http.port(),
                    settings.demoMode() ? " (demo mode)" : tls.isPresent() ? "" : " (WITHOUT TLS: for demos and tests "
                            + "on loopback only; run `provision init` for the hub's certificate in the field)");
            return new HubServer(http, projector, database, sync, updates, tls.isPresent());
        } catch (RuntimeException e) {
            if (projector != null) {
                projector.close();
            }
            database.close();
            throw e;
        }
    }

    /** Where administrators' commands publish updates for kiosks. */
    public UpdateFeed updates() {
        return updates;
    }

    /** The sync ingest, for events that arrive on a USB bundle. */
    public SyncApi sync() {
        return sync;
    }

    public int port() {
        return http.port();
    }

    /** {@code https} when the data folder holds the TLS certificate from {@code provision init}, else {@code http}. */
    public String scheme() {
        return tls ? "https" : "http";
    }

    /** Stops serving, lets the projection finish its current chunk, and closes the database. */
    @Override
    public void close() {
        http.stop();
        projector.close();
        database.close();
    }
}
