package org.threshold.hub;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.util.Optional;
import java.security.SecureRandom;
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
import org.threshold.hub.enrollment.HubTls;
import org.threshold.hub.household.HouseholdProjector;
import org.threshold.hub.household.TokenApi;
import org.threshold.hub.household.TokenLookup;
import org.threshold.hub.http.ErrorResponses;
import org.threshold.hub.http.HubJson;
import org.threshold.hub.http.SecurityHeaders;
import org.threshold.hub.store.Schema;
import org.threshold.hub.store.SqliteAccessLog;
import org.threshold.hub.store.SqliteAccountStore;
import org.threshold.hub.store.SqliteDatabase;
import org.threshold.hub.store.SqliteEventStore;
import org.threshold.hub.store.SqliteHouseholdReadModel;
import org.threshold.hub.store.StoreException;
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
    private final boolean tls;

    private HubServer(Javalin http, HouseholdProjector projector, SqliteDatabase database, boolean tls) {
        this.http = http;
        this.tls = tls;
        this.projector = projector;
        this.database = database;
    }

    /**
     * Reads the keys and opens the database in {@code settings.dataDir()}, then serves.
     *
     * @throws HubStartupException if keys.json is missing or unreadable, or the database cannot be opened
     */
    public static HubServer start(HubSettings settings) {
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
            EnrollmentStore enrollment = EnrollmentStore.open(dataDir);
            Optional<HubTls> tls;
            Optional<DeploymentAuthority> authority;
            try {
                tls = HubTls.load(dataDir);
                authority = HubAuthority.load(dataDir, new SecureRandom());
            } catch (IllegalStateException e) {
                throw new HubStartupException(e.getMessage(), e);
            }
            Optional<EnrollmentApi> enrollmentApi = authority.map(root -> new EnrollmentApi(dataDir, enrollment, root,
                    settings.clock()));
            EnrolledKiosks kiosks = new EnrolledKiosks(dataDir.resolve(DeploymentLayout.ENROLLED_KIOSKS));
            SqliteEventStore events = new SqliteEventStore(database);
            SqliteHouseholdReadModel households = new SqliteHouseholdReadModel(database);
            NeedsCatalogue catalogue = NeedsCatalogue.bundled();
            projector = new HouseholdProjector(events, households, keys, catalogue, settings.clock());
            Accounts accounts = new Accounts(new SqliteAccountStore(database), settings.clock(), new SecureRandom());
            if (settings.hasBootstrapAdmin() && accounts.createFirstAdmin(settings.adminUser(), settings.adminPassword())) {
                LOG.info("Created the first account, {} (ADMIN)", settings.adminUser());
            }
            SessionAuth auth = new SessionAuth(accounts);
            TokenLookup lookup = new TokenLookup(projector, households, kiosks, new SqliteAccessLog(database),
                    settings.clock());
            SyncApi sync = new SyncApi(kiosks, events, keys.identity(), settings.clock(), projector::wake, enrollment);
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
                enrollmentApi.ifPresent(api -> api.addRoutes(config.routes));
                tls.ifPresent(https -> https.install(config, settings.host(), settings.port()));
                login.addRoutes(config.routes);
                tokens.addRoutes(config.routes);
                pages.addRoutes(config.routes);
                ErrorResponses.install(config.routes, pages::errorPage);
            }).start(settings.host(), settings.port());
            // Events stored before a restart but not yet projected.
            projector.wake();
            LOG.info("Hub serving {} on {}:{}{}", tls.isPresent() ? "HTTPS" : "HTTP", settings.host(), http.port(),
                    settings.demoMode() ? " (demo mode)" : "");
            return new HubServer(http, projector, database, tls.isPresent());
        } catch (RuntimeException e) {
            if (projector != null) {
                projector.close();
            }
            database.close();
            throw e;
        }
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
