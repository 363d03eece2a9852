package org.threshold.hub;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.ReferralData;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessLogVerifier;
import org.threshold.hub.app.audit.AuditTrail;
import org.threshold.hub.app.enrollment.DeploymentAuthority;
import org.threshold.hub.app.dsr.DataSubjectRequests;
import org.threshold.hub.app.duplicate.DuplicateDetection;
import org.threshold.hub.app.duplicate.Duplicates;
import org.threshold.hub.app.household.HouseholdFinder;
import org.threshold.hub.app.dsr.HouseholdErasure;
import org.threshold.hub.app.dsr.RetentionJob;
import org.threshold.hub.app.event.EventChainVerifier;
import org.threshold.hub.app.household.HouseholdProjector;
import org.threshold.hub.app.household.HouseholdSearch;
import org.threshold.hub.app.household.HouseholdSealingUpgrade;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.app.household.TokenLookup;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.referral.ConsentWithdrawal;
import org.threshold.hub.app.referral.HouseholdConsent;
import org.threshold.hub.app.referral.ReferralChanges;
import org.threshold.hub.app.household.TypoHints;
import org.threshold.hub.app.referral.ReferralQueues;
import org.threshold.core.referral.ReferralLifecycle;
import org.threshold.hub.app.report.ReportBackfill;
import org.threshold.hub.app.report.Reports;
import org.threshold.hub.app.sync.IngestGate;
import org.threshold.hub.app.sync.SyncService;
import org.threshold.hub.deployment.DeploymentException;
import org.threshold.hub.deployment.HubAuthority;
import org.threshold.hub.deployment.HubDataKey;
import org.threshold.hub.deployment.HubKeys;
import org.threshold.hub.deployment.HubLayout;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.access.GlassBreakGrants;
import org.threshold.hub.app.access.GlassBreakReasons;
import org.threshold.hub.app.access.GlassBreakSealingUpgrade;
import org.threshold.hub.app.household.GlassBreaks;
import org.threshold.hub.web.audit.AuditApi;
import org.threshold.hub.web.audit.DpoPages;
import org.threshold.hub.web.audit.EventChainsApi;
import org.threshold.hub.web.pages.GlassBreakPages;
import org.threshold.hub.web.household.GlassBreakApi;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.account.AccountsApi;
import org.threshold.hub.web.account.LoginApi;
import org.threshold.hub.web.account.SessionAuth;
import org.threshold.hub.web.dsr.DsrApi;
import org.threshold.hub.web.dsr.DsrPages;
import org.threshold.hub.web.dsr.RetentionPages;
import org.threshold.hub.web.enrollment.EnrollmentApi;
import org.threshold.hub.web.feed.UpdateFeedApi;
import org.threshold.hub.web.duplicate.DuplicatesApi;
import org.threshold.hub.web.household.SearchApi;
import org.threshold.hub.web.household.TokenApi;
import org.threshold.hub.web.pages.DuplicatePages;
import org.threshold.hub.web.pages.SearchPages;
import org.threshold.hub.web.referral.ReferralApi;
import org.threshold.hub.web.http.ConnectionLimits;
import org.threshold.hub.web.http.ErrorResponses;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.web.http.HubTls;
import org.threshold.hub.web.http.JettyErrors;
import org.threshold.hub.web.http.RequestThreads;
import org.threshold.hub.web.http.SecurityHeaders;
import org.threshold.hub.web.pages.AdminPages;
import org.threshold.hub.web.pages.CardPhoto;
import org.threshold.hub.web.pages.ConsentPages;
import org.threshold.hub.web.pages.PageFrames;
import org.threshold.hub.web.pages.QueuePages;
import org.threshold.hub.web.pages.ReferralPages;
import org.threshold.hub.web.pages.ScanPages;
import org.threshold.hub.web.pages.Pages;
import org.threshold.hub.web.report.ReportPages;
import org.threshold.hub.web.report.ReportsApi;
import org.threshold.hub.web.status.StatusApi;
import org.threshold.hub.web.sync.KiosksApi;
import org.threshold.hub.web.sync.SyncApi;

/**
 * A running hub: sync ingest, household projection, accounts, token lookup and the caseworker's pages over one
 * HTTP server, on one store (SQLite in the data folder, or PostgreSQL shared with other hub instances). The
 * composition root: it builds the three layers (web → app ← store) and nothing else. Start it with {@link #start},
 * stop it with {@link #close}.
 */
public final class HubServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);

    private final Javalin http;
    private final HouseholdProjector projector;
    private final RetentionJob retention;
    private final AccessAudit audit;
    private final HubServices services;
    private final SyncService sync;
    private final boolean tls;

    private HubServer(Javalin http, HouseholdProjector projector, RetentionJob retention, AccessAudit audit,
                      HubServices services, SyncService sync, boolean tls) {
        this.http = http;
        this.projector = projector;
        this.retention = retention;
        this.audit = audit;
        this.services = services;
        this.sync = sync;
        this.tls = tls;
    }

    /** Starts with the default {@link IngestGate}. */
    public static HubServer start(HubSettings settings) {
        return start(settings, IngestGate.DEFAULT);
    }

    /** Starts with the default {@link ConnectionLimits}. */
    public static HubServer start(HubSettings settings, IngestGate ingestGate) {
        return start(settings, ingestGate, ConnectionLimits.DEFAULT);
    }

    /**
     * Reads the keys in {@code settings.dataDir()}, opens (and migrates) the store, then serves: HTTPS when the
     * data folder holds the TLS certificate and key from {@code provision init} ({@link HubTls}), plain HTTP
     * otherwise.
     *
     * @throws HubStartupException if keys.json is missing or unreadable, the TLS files or deployment root are
     *                             unusable, or the database cannot be opened, is unreachable or is newer
     */
    public static HubServer start(HubSettings settings, IngestGate ingestGate, ConnectionLimits limits) {
        return start(settings, ingestGate, limits, ReadLimit.perMinute(settings.clock()));
    }

    /**
     * As {@link #start(HubSettings, IngestGate, ConnectionLimits)}, with {@code reads} for every lookup of a
     * token, by the API or the pages: a benchmark that stands for many caseworkers with one account lifts it.
     */
    public static HubServer start(HubSettings settings, IngestGate ingestGate, ConnectionLimits limits,
                                  ReadLimit reads) {
        Path dataDir = settings.dataDir();
        HubKeys keys;
        HubDataKey dataKey;
        Optional<HubTls> tls;
        Optional<DeploymentAuthority> authority;
        try {
            DataFolder.secure(dataDir);
            keys = HubKeys.load(dataDir);
            // A hub from before sealing at rest has none yet: it is made here, then its households are sealed.
            dataKey = HubDataKey.loadOrCreate(dataDir, new SecureRandom());
            tls = HubTls.load(dataDir);
            authority = HubAuthority.load(dataDir, new SecureRandom());
            RetentionSettingsFile.write(dataDir, settings.retention());
        } catch (DeploymentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new HubStartupException(e.getMessage(), e);
        }
        HubServices services = HubServices.open(dataDir, settings.database(), settings.clock(),
                settings.passwordCost());
        HubStore store = services.store();
        HouseholdProjector projector = null;
        AccessAudit audit = null;
        RetentionJob retention = null;
        try {
            NeedsCatalogue catalogue = NeedsCatalogue.bundled();
            HubEvents hubEvents = HubEvents.of(keys, settings.clock());
            ConsentWithdrawal withdrawal = new ConsentWithdrawal(hubEvents,
                    new ReferralLifecycle(ReferralData.bundled().services()));
            HouseholdVault vault = new HouseholdVault(dataKey, new SecureRandom());
            if (store.read(repositories -> repositories.households().sealedUnderOtherKey(dataKey.keyId()))) {
                throw new HubStartupException("The store holds households sealed under another data key than "
                        + HubLayout.DATA_KEY + " in " + dataDir + " (" + dataKey.keyId() + "): copy the data key file "
                        + "of the hub that sealed them (every instance sharing a store needs the same one), or restore "
                        + "it from its backup.", null);
            }
            HouseholdSealingUpgrade.sealAll(store, vault, catalogue);
            GlassBreakReasons reasons = new GlassBreakReasons(dataKey, new SecureRandom());
            GlassBreakSealingUpgrade.sealAll(store, reasons);
            projector = new HouseholdProjector(store, keys, vault, catalogue, settings.clock(),
                    ingestGate::awaitQuiet, withdrawal, new DuplicateDetection(vault, settings.clock()));
            Accounts accounts = services.accounts();
            if (settings.hasBootstrapAdmin() && accounts.createFirstAdmin(settings.adminUser(), settings.adminPassword())) {
                LOG.info("Created the first account, {} (ADMIN)", settings.adminUser());
            }
            if (settings.demoMode()) {
                DemoAccounts.addMissing(accounts);
            }
            SessionAuth auth = new SessionAuth(accounts);
            GlassBreakGrants grants = new GlassBreakGrants(store, settings.clock(), reasons);
            AccessPolicy policy = new AccessPolicy(ReferralData.bundled(), grants);
            audit = new AccessAudit(store, AccessAudit.DEFAULT_CAPACITY);
            TokenLookup lookup = new TokenLookup(projector, store, vault, audit, services.kiosks(), policy,
                    settings.clock());
            GlassBreaks glassBreaks = new GlassBreaks(lookup, store, audit, settings.clock(), reasons);
            GlassBreakApi glassBreakApi = new GlassBreakApi(glassBreaks, reads);
            AuditTrail trail = new AuditTrail(store);
            AccessLogVerifier verifier = new AccessLogVerifier(store, settings.clock());
            AuditApi auditApi = new AuditApi(trail, verifier, glassBreaks, settings.clock());
            EventChainsApi eventChainsApi = new EventChainsApi(new EventChainVerifier(store, hubEvents.verifyingKey(),
                    services.kiosks()::verifyingKeyOrNull));
            SyncService sync = new SyncService(store, settings.clock(), projector::wake);
            SyncApi syncApi = new SyncApi(sync, keys, settings.clock(), ingestGate, services.kiosks());
            UpdateFeedApi updatesApi = new UpdateFeedApi(services.updates(), services.kiosks(), keys.identity(),
                    settings.clock());
            KiosksApi kiosksApi = new KiosksApi(services.syncStatus());
            Optional<EnrollmentApi> enrollmentApi = authority.map(root -> new EnrollmentApi(services.enrollment(),
                    root, keys));
            LoginApi login = new LoginApi(accounts);
            // One limit for both ways of looking a token up, so the pages are no way around the API's.
            TokenApi tokens = new TokenApi(lookup, reads);
            ReferralQueues queues = new ReferralQueues(projector, store, vault, policy, audit,
                    settings.clock());
            ReferralChanges referralChanges = new ReferralChanges(store, hubEvents, policy, ReferralData.bundled(),
                    withdrawal, vault);
            HouseholdConsent consent = new HouseholdConsent(lookup, referralChanges);
            ReferralApi referralApi = new ReferralApi(queues, referralChanges, consent);
            AccountsApi accountsApi = new AccountsApi(accounts);
            StatusApi status = new StatusApi(store, syncApi::unauthenticatedRejects);
            PageFrames frames = new PageFrames(settings.demoMode());
            GlassBreakPages glassBreakPages = new GlassBreakPages(glassBreaks, grants, catalogue, frames, reads);
            frames.addBanners(glassBreakPages::banners);
            DpoPages dpoPages = new DpoPages(trail, verifier, glassBreaks, frames, settings.clock());
            Pages pages = new Pages(accounts, auth, frames);
            ConsentPages consentPages = new ConsentPages(consent, catalogue, frames, reads);
            ScanPages scanPages = new ScanPages(lookup, new TypoHints(projector, store, vault, policy,
                    settings.clock()), catalogue, frames, reads);
            QueuePages queuePages = new QueuePages(queues, frames, settings.clock());
            ReferralPages referralPages = new ReferralPages(queues, referralChanges, catalogue,
                    ReferralData.bundled().services(), frames, settings.clock());
            AdminPages adminPages = new AdminPages(accounts, ReferralData.bundled().services(), frames);
            HouseholdFinder finder = new HouseholdFinder(store, vault, projector, lookup, settings.clock());
            retention = new RetentionJob(store, new HouseholdErasure(hubEvents), audit, settings.retention(),
                    settings.clock());
            DataSubjectRequests dataSubjectRequests = new DataSubjectRequests(store, vault, projector, lookup, finder,
                    audit, settings.clock(), hubEvents, catalogue);
            DsrApi dsrApi = new DsrApi(dataSubjectRequests, retention);
            DsrPages dsrPages = new DsrPages(dataSubjectRequests, trail, frames);
            RetentionPages retentionPages = new RetentionPages(retention, frames);
            HouseholdSearch search = new HouseholdSearch(finder, store, vault, policy, audit, settings.clock());
            SearchApi searchApi = new SearchApi(search, reads);
            SearchPages searchPages = new SearchPages(search, catalogue, frames, reads);
            Duplicates duplicates = new Duplicates(store, hubEvents, policy, vault, audit, settings.clock());
            DuplicatesApi duplicatesApi = new DuplicatesApi(duplicates);
            DuplicatePages duplicatePages = new DuplicatePages(duplicates, catalogue, frames);
            Reports reports = new Reports(store, projector, audit, settings.smallCells(), settings.clock());
            ReportsApi reportsApi = new ReportsApi(reports);
            ReportPages reportPages = new ReportPages(reports, frames);

            Javalin http = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.jsonMapper(new JavalinJackson(HubJson.MAPPER, false));
                config.http.maxRequestSize = SyncApi.MAX_BATCH_BYTES;
                RequestThreads.install(config, limits);
                limits.install(config);
                SecurityHeaders.install(config.routes, tls.isPresent());
                RouteGuard.install(config.routes, auth, policy);
                JettyErrors jettyErrors = new JettyErrors(SecurityHeaders.headers(tls.isPresent()), pages::errorPage);
                config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
                config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(jettyErrors));
                syncApi.addRoutes(config.routes);
                updatesApi.addRoutes(config.routes);
                kiosksApi.addRoutes(config.routes);
                enrollmentApi.ifPresent(api -> api.addRoutes(config.routes));
                tls.ifPresent(https -> https.install(config, settings.host(), settings.port()));
                login.addRoutes(config.routes);
                accountsApi.addRoutes(config.routes);
                tokens.addRoutes(config.routes);
                referralApi.addRoutes(config.routes);
                status.addRoutes(config.routes);
                pages.addRoutes(config.routes);
                scanPages.addRoutes(config.routes);
                queuePages.install(config);
                referralPages.addRoutes(config.routes);
                CardPhoto.configure(config);
                adminPages.addRoutes(config.routes);
                glassBreakApi.addRoutes(config.routes);
                auditApi.addRoutes(config.routes);
                eventChainsApi.addRoutes(config.routes);
                dsrApi.addRoutes(config.routes);
                dsrPages.addRoutes(config.routes);
                retentionPages.addRoutes(config.routes);
                searchApi.addRoutes(config.routes);
                searchPages.addRoutes(config.routes);
                duplicatesApi.addRoutes(config.routes);
                duplicatePages.addRoutes(config.routes);
                reportsApi.addRoutes(config.routes);
                reportPages.addRoutes(config.routes);
                glassBreakPages.addRoutes(config.routes);
                consentPages.addRoutes(config.routes);
                dpoPages.addRoutes(config.routes);
                ErrorResponses.install(config.routes, pages::errorPage);
            }).start(settings.host(), settings.port());
            // A store from before the reports: its households are counted before the projector adds more.
            ReportBackfill.run(store, vault, catalogue);
            // Events stored before a restart but not yet projected, and those other instances store.
            projector.start();
            retention.start();
            HubStore.StoreInfo info = store.info();
            LOG.info("Hub serving {} on {}:{}{}, store {} at schema version {}", tls.isPresent() ? "HTTPS" : "plain HTTP",
                    settings.host(), http.port(), settings.demoMode() ? " (demo mode)" : tls.isPresent() ? ""
                            : " (WITHOUT TLS: for demos and tests on loopback only; run `provision init` for the "
                            + "hub's certificate in the field)", info.dialect(), info.schemaVersion());
            return new HubServer(http, projector, retention, audit, services, sync, tls.isPresent());
        } catch (RuntimeException e) {
            if (retention != null) {
                retention.close();
            }
            if (projector != null) {
                projector.close();
            }
            if (audit != null) {
                audit.close();
            }
            services.close();
            throw e;
        }
    }

    /** The administrative services on this hub's store: the feed, enrollment, the kiosk directory. */
    public HubServices services() {
        return services;
    }

    /** Where administrators' commands publish updates for kiosks. */
    public org.threshold.hub.app.feed.UpdateFeed updates() {
        return services.updates();
    }

    /** The sync ingest, for events that arrive on a USB bundle. */
    public SyncService sync() {
        return sync;
    }

    public int port() {
        return http.port();
    }

    /** {@code https} when the data folder holds the TLS certificate from {@code provision init}, else {@code http}. */
    public String scheme() {
        return tls ? "https" : "http";
    }

    /** Stops serving, lets the projection finish its current chunk, commits the access log, closes the store. */
    @Override
    public void close() {
        http.stop();
        retention.close();
        projector.close();
        audit.close();
        services.close();
    }
}
