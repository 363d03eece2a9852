package org.threshold.kiosk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hardware.printer.SimulatedCardPrinter;
import org.threshold.hardware.printer.TokenPrinter;
import org.threshold.kiosk.localdata.LocalKeyVault;
import org.threshold.kiosk.registration.CardPrinting;
import org.threshold.kiosk.registration.FindHousehold;
import org.threshold.kiosk.registration.RegisterHousehold;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.OperatorKeyStore;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.kiosk.sync.Backoff;
import org.threshold.kiosk.sync.PinnedCertificate;
import org.threshold.kiosk.sync.SyncClient;
import org.threshold.kiosk.sync.SyncScheduler;
import org.threshold.kiosk.sync.SyncStateFile;
import org.threshold.kiosk.sync.UpdateListeners;
import org.threshold.kiosk.sync.UpdatePuller;
import org.threshold.kiosk.web.CardRoutes;
import org.threshold.kiosk.web.HouseholdRoutes;
import org.threshold.kiosk.web.KioskWebServer;
import org.threshold.kiosk.web.PageRoutes;
import org.threshold.kiosk.web.RouteGroup;
import org.threshold.kiosk.web.SessionRoutes;
import org.threshold.kiosk.web.StatusRoutes;
import org.threshold.kiosk.web.SyncRoutes;

/**
 * A running kiosk: reads its enrollment from the data folder, opens its database, serves the page and
 * the local API, and syncs in the background. The composition root; the work is done elsewhere.
 */
public final class KioskApp implements AutoCloseable {
    public static final String DATABASE_FILE = "kiosk.db";
    public static final String CARDS_FOLDER = "cards";
    private static final String SQLITE_NATIVE_FOLDER = "sqlite-native";
    private static final Duration SESSION_SWEEP = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);

    private final KioskDatabase database;
    private final OperatorSessions sessions;
    private final ScheduledExecutorService scheduler;
    private final Javalin server;

    private KioskApp(KioskDatabase database, OperatorSessions sessions, ScheduledExecutorService scheduler,
                     Javalin server) {
        this.database = database;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.server = server;
    }

    /**
     * Starts the kiosk and returns once it serves.
     *
     * @throws KioskStartException if the kiosk is not enrolled or its data folder is unusable
     */
    public static KioskApp start(KioskSettings settings) {
        Path dataDir = settings.dataDir().toAbsolutePath();
        Enrollment enrollment = Enrollment.read(dataDir);
        SyncStateFile syncState = new SyncStateFile(dataDir);
        KioskConfig config = withRotatedSealingKey(withHubUrl(enrollment.config(), settings.hubUrlOverride()),
                syncState);
        Path cards = createFolder(dataDir.resolve(CARDS_FOLDER));
        // sqlite-jdbc unpacks its native library before first use; /tmp is often noexec on a Pi.
        System.setProperty("org.sqlite.tmpdir", createFolder(dataDir.resolve(SQLITE_NATIVE_FOLDER)).toString());

        SecureRandom random = new SecureRandom();
        NeedsCatalogue catalogue = NeedsCatalogue.bundled();
        TokenPrinter printer = new SimulatedCardPrinter(cards);
        KioskDatabase database = KioskDatabase.open(dataDir.resolve(DATABASE_FILE));
        ScheduledExecutorService scheduler = null;
        try {
            EventLog events = new EventLog(database);
            RegistrationStore registrations = new RegistrationStore(database);
            OperatorSessions sessions = new OperatorSessions(enrollment.operators(),
                    new LocalKeyVault(new OperatorKeyStore(database), settings.clock(), random), settings.clock(),
                    random, settings.sessionIdleTimeout());
            CardPrinting cardPrinting = new CardPrinting(printer, registrations, config);
            RegisterHousehold register = new RegisterHousehold(config, enrollment.kioskKey(), events, registrations,
                    cardPrinting, catalogue, settings.clock(), random);
            java.net.http.HttpClient http = hubClient(config, dataDir, settings.demoMode());
            SyncClient sync = new SyncClient(config, events, http, settings.clock(), SyncClient.Limits.DEFAULT);
            if (syncState.read().bundleExportedThrough() > events.syncState().ackedSequence()) {
                sync.askForAckFirst();
            }
            // Issue 3 plugs its wipe (crypto-shredding) in here with UpdateListeners.withRevocation(...).
            // A rotated sealing key applies to the next registration, not only after a restart.
            UpdatePuller updates = new UpdatePuller(config, enrollment.kioskKey(), http, settings.clock(), random,
                    syncState, UpdateListeners.none().withSealingKey(
                            key -> register.sealTo(SealingPublicKey.fromBase64(key.publicKey()))));

            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "kiosk-background");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(sessions::lockIdleSessions, SESSION_SWEEP.toMillis(),
                    SESSION_SWEEP.toMillis(), TimeUnit.MILLISECONDS);
            if (settings.syncsInBackground()) {
                Duration interval = settings.syncInterval();
                Duration firstBackoff = interval.compareTo(Duration.ofSeconds(2)) < 0 ? interval : Duration.ofSeconds(2);
                Duration maxBackoff = interval.compareTo(Duration.ofMinutes(5)) > 0 ? interval : Duration.ofMinutes(5);
                new SyncScheduler(sync, java.util.Optional.of(updates), scheduler, interval,
                        new Backoff(firstBackoff, maxBackoff, random)).start();
            }

            ObjectMapper json = KioskWebServer.json();
            List<RouteGroup> routes = List.of(
                    new PageRoutes(),
                    new SessionRoutes(sessions, json),
                    new HouseholdRoutes(register, new FindHousehold(registrations), cardPrinting, sessions, json),
                    new StatusRoutes(config, events, List.of(printer.describe()), settings.demoMode(), catalogue,
                            sync::connection),
                    new SyncRoutes(sync, sessions),
                    new CardRoutes(cards, sessions));
            Javalin server = serve(settings, json, routes);
            LOG.info("Kiosk {} at {} serving on {}:{}; printer: {}{}", config.kioskId(), config.site(),
                    settings.host(), server.port(), printer.describe().model(),
                    printer.describe().simulated() ? " (SIMULATED)" : "");
            return new KioskApp(database, sessions, scheduler, server);
        } catch (RuntimeException e) {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            database.close();
            throw e;
        }
    }

    private static Javalin serve(KioskSettings settings, ObjectMapper json, List<RouteGroup> routes) {
        try {
            return KioskWebServer.start(settings.host(), settings.port(), json, routes);
        } catch (RuntimeException e) {
            throw new KioskStartException("Could not serve on " + settings.host() + ":" + settings.port() + " ("
                    + e.getMessage() + "). Is another kiosk already running on that port?", e);
        }
    }

    /**
     * HTTPS trusting only {@value PinnedCertificate#FILE} from the data folder. Plain HTTP is refused unless in
     * demo mode or to a hub on this machine's loopback (tests); the status page warns about it either way.
     */
    private static java.net.http.HttpClient hubClient(KioskConfig config, Path dataDir, boolean demoMode) {
        java.net.URI hub = java.net.URI.create(config.hubUrl());
        if ("https".equals(hub.getScheme())) {
            Path pem = dataDir.resolve(PinnedCertificate.FILE);
            if (!Files.isRegularFile(pem)) {
                throw new KioskStartException("The hub is at " + config.hubUrl() + " but there is no "
                        + PinnedCertificate.FILE + " in " + dataDir + " to pin its certificate. Copy the hub's "
                        + "certificate there (provisioning gives it with the enrollment).", null);
            }
            try {
                return SyncClient.httpClient(PinnedCertificate.read(pem));
            } catch (IllegalArgumentException e) {
                throw new KioskStartException(e.getMessage(), e);
            }
        }
        String host = hub.getHost() == null ? "" : hub.getHost();
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (!demoMode && !loopback) {
            throw new KioskStartException("The hub URL " + config.hubUrl() + " is plain HTTP: records would cross "
                    + "the network readable in transit and the hub unauthenticated. Use https:// with the hub's "
                    + "certificate in " + PinnedCertificate.FILE + "; plain HTTP is for demos only.", null);
        }
        LOG.warn("Syncing with the hub over PLAIN HTTP ({}): demo and loopback tests only", config.hubUrl());
        return SyncClient.httpClient();
    }

    private static KioskConfig withRotatedSealingKey(KioskConfig config, SyncStateFile syncState) {
        var rotated = syncState.read().sealingKey();
        return rotated == null ? config : new KioskConfig(config.kioskId(), config.site(), config.hubUrl(),
                config.hubIdentityKey(), rotated.publicKey());
    }

    private static KioskConfig withHubUrl(KioskConfig enrolled, String hubUrlOverride) {
        if (hubUrlOverride == null) {
            return enrolled;
        }
        try {
            return enrolled.withHubUrl(hubUrlOverride);
        } catch (IllegalArgumentException e) {
            throw new KioskStartException("The hub URL " + hubUrlOverride + " is not usable: " + e.getMessage(), e);
        }
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new KioskStartException("Could not create " + folder + " (" + e.getMessage()
                    + "). Check that the data folder is writable by the kiosk's user.", e);
        }
    }

    public int port() {
        return server.port();
    }

    /**
     * Stops serving, stops background work, locks every session (destroying the keys in memory) and
     * closes the database. Committed registrations need nothing from this: they are on disk already.
     */
    @Override
    public void close() {
        server.stop();
        scheduler.shutdownNow();
        try {
            // A sync in flight is interrupted; let it finish with the database before the database closes.
            if (!scheduler.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Background work did not stop within {}; closing the database anyway", SHUTDOWN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sessions.lockAll();
        database.close();
    }
}
