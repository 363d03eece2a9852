package org.threshold.kiosk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.i18n.Messages;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.ReferralData;
import org.threshold.hardware.DriverContext;
import org.threshold.hardware.Hardware;
import org.threshold.hardware.HardwareException;
import org.threshold.hardware.HardwareSettings;
import org.threshold.hardware.gpio.SimulatedPanel;
import org.threshold.kiosk.hardware.KioskHardware;
import org.threshold.kiosk.hardware.KioskLights;
import org.threshold.kiosk.hardware.ReprintButton;
import org.threshold.kiosk.localdata.LocalKeyImport;
import org.threshold.kiosk.localdata.LocalKeyVault;
import org.threshold.core.search.NameTerms;
import org.threshold.kiosk.retention.IdempotencyKeyRetention;
import org.threshold.kiosk.retention.Shredder;
import org.threshold.kiosk.registration.ArrivalDefaults;
import org.threshold.kiosk.registration.CardPrinting;
import org.threshold.kiosk.registration.EventChain;
import org.threshold.kiosk.registration.FindHousehold;
import org.threshold.kiosk.registration.HouseholdActions;
import org.threshold.kiosk.registration.RegisterHousehold;
import org.threshold.kiosk.registration.RegistrationReferrals;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.store.DatabaseDamagedException;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.OperatorKeyStore;
import org.threshold.kiosk.store.OperatorPreferences;
import org.threshold.kiosk.store.OwnerOnlyFiles;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.kiosk.sync.Backoff;
import org.threshold.kiosk.sync.HubHealthEndpoint;
import org.threshold.kiosk.sync.HubHealthWatch;
import org.threshold.kiosk.sync.PinnedCertificate;
import org.threshold.kiosk.store.StorageGuard;
import org.threshold.kiosk.tamper.KeyDestruction;
import org.threshold.kiosk.tamper.TamperResponse;
import org.threshold.kiosk.sync.SyncClient;
import org.threshold.kiosk.sync.SyncScheduler;
import org.threshold.kiosk.sync.SyncStateFile;
import org.threshold.kiosk.sync.UpdateListeners;
import org.threshold.kiosk.sync.UpdatePuller;
import org.threshold.kiosk.web.AssistRoutes;
import org.threshold.kiosk.web.CardRoutes;
import org.threshold.kiosk.web.HouseholdRoutes;
import org.threshold.kiosk.web.KioskWebServer;
import org.threshold.kiosk.web.PageRoutes;
import org.threshold.kiosk.web.RouteGroup;
import org.threshold.kiosk.web.ScanRoutes;
import org.threshold.kiosk.web.SessionRoutes;
import org.threshold.kiosk.web.StatusRoutes;
import org.threshold.kiosk.web.TamperRoutes;
import org.threshold.kiosk.web.SyncRoutes;

/**
 * A running kiosk: reads its enrollment from the data folder, opens its database, serves the page and
 * the local API, and syncs in the background. The composition root; the work is done elsewhere.
 */
public final class KioskApp implements AutoCloseable {
    public static final String DATABASE_FILE = "kiosk.db";
    public static final String CARDS_FOLDER = "cards";
    private static final String SQLITE_NATIVE_FOLDER = "sqlite-native";
    /** SQLite's and the JVM's temporary files, inside the data folder: /tmp may be noexec, read-only or shared. */
    public static final String TEMP_FOLDER = "tmp";
    private static final Duration SESSION_SWEEP = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Duration LIGHTS_REFRESH = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);

    private final KioskDatabase database;
    private final OperatorSessions sessions;
    private final ScheduledExecutorService scheduler;
    private final Javalin server;
    private final KioskHardware hardware;
    private final ScheduledExecutorService deviceTimer;
    private final StorageGuard storage;
    private final KeyDestruction keyDestruction;
    private final Shredder shredder;
    private final OperatorsUpdate operatorsUpdate;

    private KioskApp(KioskDatabase database, OperatorSessions sessions, ScheduledExecutorService scheduler,
                     Javalin server, KioskHardware hardware, ScheduledExecutorService deviceTimer,
                     StorageGuard storage, KeyDestruction keyDestruction, Shredder shredder,
                     OperatorsUpdate operatorsUpdate) {
        this.operatorsUpdate = operatorsUpdate;
        this.storage = storage;
        this.keyDestruction = keyDestruction;
        this.shredder = shredder;
        this.database = database;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.server = server;
        this.hardware = hardware;
        this.deviceTimer = deviceTimer;
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
        Path temp = createFolder(dataDir.resolve(TEMP_FOLDER));

        SecureRandom random = new SecureRandom();
        NeedsCatalogue catalogue = NeedsCatalogue.bundled();
        Path databaseFile = dataDir.resolve(DATABASE_FILE);
        boolean firstStart = !Files.exists(databaseFile);
        KioskDatabase database;
        try {
            database = KioskDatabase.open(databaseFile, temp);
        } catch (DatabaseDamagedException e) {
            throw new KioskStartException(e.getMessage(), e);
        }
        try {
            // Owner-only, whatever an earlier version, an SD-card image or sqlite-jdbc (which has just unpacked its
            // native library here) left wider; everything the kiosk creates from now on is born owner-only.
            OwnerOnlyFiles.restrictTree(dataDir);
        } catch (IOException e) {
            database.close();
            throw new KioskStartException("Could not make the data folder " + dataDir + " owner-only ("
                    + e.getMessage() + "). Check that the kiosk's user owns every file in it.", e);
        }
        ScheduledExecutorService scheduler = null;
        // Beeps and LEDs get their own thread: a long sync on the background thread must not delay them.
        ScheduledExecutorService deviceTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kiosk-devices");
            thread.setDaemon(true);
            return thread;
        });
        KioskHardware hardware = null;
        try {
            StorageGuard storage = StorageGuard.atStart(dataDir, database, firstStart, settings.minFreeDiskBytes(),
                    settings.clock().instant());
            EventLog events = new EventLog(database);
            RegistrationStore registrations = new RegistrationStore(database);
            OperatorKeyStore keys = new OperatorKeyStore(database);
            LocalKeyImport.run(dataDir, keys, settings.clock().instant());
            OperatorSessions sessions = new OperatorSessions(enrollment.operators(),
                    new LocalKeyVault(keys, settings.clock(), random), settings.clock(),
                    random, settings.sessionIdleTimeout());
            KeyDestruction keyDestruction = new KeyDestruction(database, keys, sessions, settings.clock());
            OperatorsUpdate operatorsUpdate = new OperatorsUpdate(dataDir, sessions);
            Shredder shredder = new Shredder(database, registrations, settings.clock(), settings.retention());

            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "kiosk-background");
                thread.setDaemon(true);
                return thread;
            });
            hardware = openHardware(dataDir, cards, deviceTimer, keyDestruction);
            CardPrinting cardPrinting = new CardPrinting(hardware.printer(), registrations, config, hardware);
            EventChain chain = new EventChain(config, enrollment.kioskKey(), events, settings.clock(), random);
            HouseholdActions actions = new HouseholdActions(chain, registrations, cardPrinting, catalogue, random);
            hardware.start(new ReprintButton(sessions, actions, cardPrinting));
            // The bundled routing data is checked as it loads: a fault stops the kiosk at start, naming file and line.
            RegistrationReferrals referrals = new RegistrationReferrals(ReferralData.bundled());
            RegisterHousehold register = new RegisterHousehold(chain, registrations, cardPrinting, catalogue, random,
                    storage, referrals);
            FindHousehold find = new FindHousehold(registrations);
            java.net.http.HttpClient http = hubClient(config, dataDir, settings.demoMode());
            SyncClient sync = new SyncClient(config, enrollment.kioskKey(), events, http, settings.clock(), SyncClient.Limits.DEFAULT);
            if (syncState.read().bundleExportedThrough() > events.syncState().ackedSequence()) {
                sync.askForAckFirst();
            }
            // A verified revocation with a wipe order destroys the local keys, as the tamper switch does.
            UpdatePuller updates = new UpdatePuller(config, enrollment.kioskKey(), http, settings.clock(), random,
                    syncState, UpdateListeners.none()
                            .withOperators(operatorsUpdate)
                            .withRevocation(order -> {
                                if (order.wipe()) {
                                    keyDestruction.revokedByHub(settings.clock().instant());
                                }
                            })
                            // A rotated sealing key applies to the next registration, not only after a restart.
                            .withSealingKey(key -> register.sealTo(SealingPublicKey.fromBase64(key.publicKey()))));

            scheduler.scheduleWithFixedDelay(sessions::lockIdleSessions, SESSION_SWEEP.toMillis(),
                    SESSION_SWEEP.toMillis(), TimeUnit.MILLISECONDS);
            KioskLights lights = hardware.lights();
            scheduler.scheduleWithFixedDelay(() -> lights.hubReachable(events.syncState().lastSyncError() == null),
                    0, LIGHTS_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
            scheduler.execute(NameTerms::warmUp);
            shredder.schedule(scheduler, Shredder.DEFAULT_INTERVAL);
            new IdempotencyKeyRetention(registrations, settings.clock()).schedule(scheduler);
            if (settings.syncsInBackground()) {
                Duration interval = settings.syncInterval();
                Duration firstBackoff = interval.compareTo(Duration.ofSeconds(2)) < 0 ? interval : Duration.ofSeconds(2);
                Duration maxBackoff = interval.compareTo(Duration.ofMinutes(5)) > 0 ? interval : Duration.ofMinutes(5);
                new SyncScheduler(sync, java.util.Optional.of(updates), scheduler, interval,
                        new Backoff(firstBackoff, maxBackoff, random)).start();
                // Online or offline from the hub's own answer at once, not only after the first scheduled sync,
                // and kept true between syncs.
                scheduler.execute(sync::probe);
                new HubHealthWatch(new HubHealthEndpoint(config, http), sync, settings.clock(), scheduler, random)
                        .start();
            }

            ObjectMapper json = KioskWebServer.json();
            List<RouteGroup> routes = new java.util.ArrayList<>(List.of(
                    new PageRoutes(),
                    new SessionRoutes(sessions, new OperatorPreferences(database), json),
                    new HouseholdRoutes(register, referrals, find, actions, sessions, json),
                    new AssistRoutes(new ArrivalDefaults(find, settings.clock()), sessions, json),
                    new StatusRoutes(config, events, hardware::status, settings.demoMode(), catalogue,
                            sync::connection, storage::health, keys),
                    new SyncRoutes(sync, sessions),
                    new CardRoutes(cards, sessions),
                    new ScanRoutes(hardware, sessions, json)));
            if (settings.demoMode()) {
                routes.add(new TamperRoutes(keyDestruction, sessions));
            }
            Javalin server = serve(settings, json, routes);
            LOG.info("Kiosk {} at {} serving on {}:{}", config.kioskId(), config.site(), settings.host(),
                    server.port());
            hardware.status(Messages.of(Messages.ERRORS, Messages.ENGLISH)).forEach(device -> LOG.info("{}: {}{} ({})", device.kind(), device.model(),
                    device.simulated() ? " SIMULATED" : "", device.detail()));
            return new KioskApp(database, sessions, scheduler, server, hardware, deviceTimer, storage, keyDestruction,
                    shredder, operatorsUpdate);
        } catch (RuntimeException e) {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            if (hardware != null) {
                hardware.close();
            }
            deviceTimer.shutdownNow();
            database.close();
            throw e;
        }
    }

    private static KioskHardware openHardware(Path dataDir, Path cards, ScheduledExecutorService deviceTimer,
                                              TamperResponse tamperResponse) {
        try {
            Hardware devices = Hardware.open(HardwareSettings.load(dataDir, System.getProperties()),
                    new DriverContext(dataDir, cards, deviceTimer));
            return new KioskHardware(devices, tamperResponse);
        } catch (HardwareException e) {
            throw new KioskStartException("The hardware settings are wrong: " + e.getMessage()
                    + " See \"Hardware on a Raspberry Pi\" in the README.", e);
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
                        + PinnedCertificate.FILE + " in " + dataDir + " to pin its certificate. Enroll the kiosk "
                        + "(`KioskMain enroll`), which pins it.", null);
            }
            try {
                return SyncClient.httpClient(PinnedCertificate.sha256(pem));
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
            // Not repeated: a URL with a password in it would reach the log.
            throw new KioskStartException("The hub URL given with --hub is not usable: " + e.getMessage(), e);
        }
    }

    private static Path createFolder(Path folder) {
        try {
            return OwnerOnlyFiles.folder(folder);
        } catch (IOException e) {
            throw new KioskStartException("Could not create " + folder + " (" + e.getMessage()
                    + "). Check that the data folder is writable by the kiosk's user.", e);
        }
    }

    public int port() {
        return server.port();
    }

    /** Hands on the simulated GPIO (buttons, tamper switch, LEDs); empty with real or no GPIO. */
    public Optional<SimulatedPanel> simulatedPanel() {
        return hardware.simulatedPanel();
    }

    /** The hook the tamper switch calls (issue 5 wires the GPIO switch to it). */
    public TamperResponse tamperResponse() {
        return keyDestruction;
    }

    /** What the hub's revocation feed calls once it has verified a revocation of this kiosk. */
    public KeyDestruction keyDestruction() {
        return keyDestruction;
    }

    /** What the hub's feed calls with a verified operator list; tests call it without a hub. */
    UpdateListeners.OperatorsListener operatorsUpdate() {
        return operatorsUpdate;
    }

    /** Crypto-shredding; scheduled every {@link Shredder#DEFAULT_INTERVAL}, callable at once. */
    public Shredder shredder() {
        return shredder;
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
        hardware.close();
        deviceTimer.shutdownNow();
        try {
            database.checkpoint();
        } catch (RuntimeException e) {
            LOG.warn("Could not checkpoint the write-ahead log at shutdown: {}", e.getClass().getName());
        }
        database.close();
        storage.stoppedCleanly();
    }
}
