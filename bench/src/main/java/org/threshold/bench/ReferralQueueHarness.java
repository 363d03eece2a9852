package org.threshold.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.threshold.bench.raw.RawPostgresCopy;
import org.threshold.bench.raw.RawQueuePage;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Urgency;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.token.TokenId;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.household.HouseholdProjector;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.referral.QueueRepository.QueueCursor;
import org.threshold.hub.app.referral.ReferralEventRecord;
import org.threshold.hub.app.referral.ReferralQueues;
import org.threshold.hub.app.report.ReportBackfill;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.app.referral.ReferralRepository.NewReferral;
import org.threshold.hub.deployment.HubDataKey;
import org.threshold.hub.store.JdbiHubStore;
import org.threshold.hub.web.account.SessionAuth;

/**
 * {@code ReferralQueueHarness [HOUSEHOLDS] [OPEN_REFERRALS] [REQUESTS_PER_CLIENT] [sqlite|postgresql|both]}: the
 * queue under 16 concurrent caseworkers (16 accounts, two per service), on SQLite and then PostgreSQL (or one of them), over HOUSEHOLDS households and
 * OPEN_REFERRALS open referrals (spread over the eight services and four urgencies) seeded straight into the store
 * (the seeding time is printed, not measured; the reports' one-off backfill is marked done, as on a hub that
 * projected these households itself). For each store, one after the other, each caseworker makes
 * REQUESTS_PER_CLIENT requests over real HTTP to a real {@link HubServer}, each after the previous one answered:
 * <ul>
 *   <li>{@code GET /api/referrals}: half filtered to {@code SENT}; one in four the page after the last one;</li>
 *   <li>{@code GET /queue?service=}: the page with its counts per status; one in four the next page.</li>
 * </ul>
 * Each answer is 50 referrals whose households are opened and shown through the need-to-know policy, with one
 * access-log record naming them committed before it. Each caseworker keeps one HTTP/1.1 connection per kind of read
 * ({@link KeepAliveClient}: every answer read whole, its next cursor found in its bytes), so the clients take as
 * little of the two cores as they can. Each phase warms up with half its requests first. Then the floor, in the same
 * run: the bare SQL of those pages ({@link RawQueuePage}) by 16 threads on JDBC connections of their own, and the
 * same pages read through the hub's store alone. Prints p50
 * and p99 of each with the load average, throughput, and the CPU time per request of this JVM (hub, clients, JIT, GC,
 * and for SQLite the database), of the hub's request threads alone (with, on SQLite, the database's work done on
 * them), of the clients, and of the JVM's own threads (JIT compiler, collector); the collector's pauses and what the
 * request threads allocated per request; and the hub's p50 over the floor's. CPU time is what the load of a shared
 * machine does not inflate as it does latency; on PostgreSQL also its server's CPU per request ({@link ServerCpu}).
 * Defaults: 1,000,000 households, 300,000 open referrals, 100 requests per caseworker. {@code -Dqueue.settle=true}
 * vacuums, analyzes and checkpoints a PostgreSQL store after seeding, before anything is measured.
 *
 * <p>Run it with the deployed hub's JVM flags (none: the JDK's defaults, G1 on a machine of two cores or more), so
 * that its collector is the one the field has.
 */
public final class ReferralQueueHarness {
    private static final int CLIENTS = 16;
    private static final int SEED_TRANSACTION = 50_000;
    // A seeded referral's one referred member, as ReferralSql writes people_json.
    private static final String PEOPLE_JSON = "[{\"member\":0,\"needs\":[\"%s\"]}]";
    private static final String[] SERVICES = {"child-protection", "gbv", "health", "mhpss", "disability", "legal",
        "family-tracing", "shelter"};
    private static final String[] CODES = {"SC-UC", "SV-VF", "SM-CI", "SM-MI", "DS-PM", "LP-RR", "FU-TR", "WR-SF"};
    private static final String PASSWORD = "bench-password";
    // Where each answer names the next page: the JSON's "next", the page's link to more.
    private static final String API_NEXT = "\"next\":\"";
    private static final String PAGE_NEXT = "after=";
    // Warm-up reads per caseworker, at least: a hub in the field runs for weeks, so the JIT compiler's first minute is
    // not a read's cost (with ten, the compiler threads were a fifth of the measured CPU).
    private static final int WARM_UP = 10;
    // -Dqueue.settle=true: on PostgreSQL, vacuum, analyze and checkpoint the freshly seeded tables before measuring,
    // as a hub that has run for a while has them; a bulk load's aftermath otherwise lands in the first phase.
    private static final boolean SETTLE = Boolean.getBoolean("queue.settle");

    private final Path dir;
    private final EmbeddedPostgres postgres;

    private ReferralQueueHarness(Path dir, EmbeddedPostgres postgres) {
        this.dir = dir;
        this.postgres = postgres;
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int referrals = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        // One store alone keeps a run on a shared machine short.
        String stores = args.length > 3 ? args[3] : "both";
        boolean sqlite = !stores.equals("postgresql");
        boolean postgresql = !stores.equals("sqlite");
        System.out.printf("ReferralQueueHarness %,d households, %,d open referrals, %d caseworkers x %d requests, "
                        + "%d cores, started %s (%s)%n", households, referrals, CLIENTS, requests,
                Runtime.getRuntime().availableProcessors(), Instant.now(), LoadAverage.now());
        Path dir = Files.createTempDirectory("threshold-referral-queue-");
        try (EmbeddedPostgres postgres = RawPostgresCopy.start()) {
            ReferralQueueHarness harness = new ReferralQueueHarness(dir, postgres);
            if (sqlite) {
                harness.queues("SQLite", DatabaseSettings.SQLITE_IN_DATA_FOLDER, households, referrals, requests);
            }
            if (postgresql) {
                harness.queues("PostgreSQL", harness.newDatabase(), households, referrals, requests);
            }
        }
    }

    private void queues(String label, DatabaseSettings database, int households, int referrals, int requests)
            throws Exception {
        Path hubDir = dir.resolve("queue-" + label);
        new org.threshold.provisioning.Provisioner(new SecureRandom()).initHub(hubDir);
        long seeding = System.nanoTime();
        seed(hubDir, database, households, referrals);
        System.out.printf("  %-10s seeded in %.0f s (%s)%n", label, (System.nanoTime() - seeding) / 1e9,
                LoadAverage.now());
        ServerCpu server = null;
        if (database.urlFor(hubDir).startsWith("jdbc:postgresql:")) {
            try (Connection connection = DriverManager.getConnection(database.urlFor(hubDir))) {
                server = ServerCpu.of(connection);
                if (SETTLE) {
                    // What autovacuum and the checkpointer would otherwise do during the first phase measured.
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("VACUUM ANALYZE");
                        statement.execute("CHECKPOINT");
                    }
                    System.out.printf("  %-10s settled: VACUUM ANALYZE, CHECKPOINT (%s)%n", label, LoadAverage.now());
                }
            }
        }
        double hubMedian;
        List<KeepAliveClient> clients = new ArrayList<>();
        try (HubServer hub = HubServer.start(HubSettings.of(hubDir).withDatabase(database)
                .withBootstrapAdmin("bench", PASSWORD.toCharArray()))) {
            List<String> sessions = new ArrayList<>();
            String base = "http://127.0.0.1:" + hub.port();
            HttpClient http = HttpClient.newHttpClient();
            for (int c = 0; c < CLIENTS; c++) {
                String username = "cw-" + c;
                hub.services().accounts().add(username, PASSWORD.toCharArray(), new Accounts.Grant(Role.CASEWORKER,
                        "Bench", Set.of(SERVICES[c % SERVICES.length])));
                sessions.add(login(http, base, username));
            }
            List<ConcurrentReaders.Reader> api = new ArrayList<>();
            List<ConcurrentReaders.Reader> pages = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String session = sessions.get(c);
                String service = SERVICES[c % SERVICES.length];
                KeepAliveClient apiClient = new KeepAliveClient("127.0.0.1", hub.port());
                KeepAliveClient pageClient = new KeepAliveClient("127.0.0.1", hub.port());
                clients.add(apiClient);
                clients.add(pageClient);
                api.add((next, random) -> {
                    apiClient.get("/api/referrals?status=" + (random.nextBoolean() ? "SENT" : "")
                            + next.map(after -> "&after=" + after).orElse(""), "Authorization", "Bearer " + session);
                    return Optional.ofNullable(apiClient.after(API_NEXT, b -> b != '"'));
                });
                pages.add((next, random) -> {
                    pageClient.get("/queue?service=" + service + next.map(after -> "&after=" + after).orElse(""),
                            "Cookie", SessionAuth.COOKIE + "=" + session);
                    return Optional.ofNullable(pageClient.after(PAGE_NEXT, ReferralQueueHarness::cursorByte));
                });
            }
            hubMedian = report(label, "GET /api/referrals", api, requests, server);
            report(label, "GET /queue", pages, requests, server);
        } finally {
            for (KeepAliveClient client : clients) {
                client.close();
            }
        }
        store(label, database, hubDir, requests, server);
        double rawMedian = raw(label, database.urlFor(hubDir), requests, server);
        System.out.printf("  %-10s GET /api/referrals p50 / raw p50: %.1f%n", label, hubMedian / rawMedian);
    }

    /**
     * Warms up, measures, prints p50 and p99 of {@code readers}, with the CPU per request of this JVM, of the hub's
     * request threads and of the database {@code server} if given; returns p50 in milliseconds.
     */
    private static double report(String label, String what, List<ConcurrentReaders.Reader> readers, int requests,
                                 ServerCpu server) throws Exception {
        ConcurrentReaders.run(readers, Math.max(WARM_UP, requests / 2));
        long serverCpu = server == null ? 0 : server.nanos();
        JvmCosts before = JvmCosts.now();
        ConcurrentReaders.Run run = ConcurrentReaders.measure(readers, requests);
        JvmCosts.Spent spent = JvmCosts.now().since(before, run.readersCpuNanos());
        int n = run.nanos().length;
        String serverMillis = server == null ? "" : String.format(", %5.2f ms of the PostgreSQL server",
                (server.nanos() - serverCpu) / 1e6 / n);
        Percentiles latency = new Percentiles(run.nanos());
        System.out.printf("  %-10s %-26s p50 %8.2f ms, p99 %8.2f ms, %5.1f ms CPU of this JVM per request, "
                        + "%5.2f ms of the hub's request threads%s (%,d requests) (%s)%n", label, what,
                latency.medianMillis(), latency.p99Millis(), spent.processCpuNanos() / 1e6 / n,
                spent.requestThreadsCpuNanos() / 1e6 / n, serverMillis, n, LoadAverage.now());
        System.out.printf("  %-10s %-26s %.0f requests/s; CPU per request: clients %.2f ms, JIT and GC threads "
                        + "%.2f ms; %.3f collections and %.2f ms paused per request; request threads allocated "
                        + "%.0f KiB per request%n", label, what, n / (run.wallNanos() / 1e9),
                (run.readersCpuNanos() + spent.httpClientCpuNanos()) / 1e6 / n, spent.vmThreadsCpuNanos() / 1e6 / n,
                (double) spent.gcCount() / n, (double) spent.gcMillis() / n,
                spent.requestThreadsAllocatedBytes() / 1024.0 / n);
        return latency.medianMillis();
    }

    /**
     * The store's part of a page: the same pages read through the hub's own store ({@code QueueRepository}, with its
     * households and the projection check, on its connections), 16 threads, with the hub stopped: no HTTP, session,
     * policy, opening of households or access log.
     */
    private static void store(String label, DatabaseSettings database, Path hubDir, int requests, ServerCpu server)
            throws Exception {
        try (JdbiHubStore store = JdbiHubStore.open(database.urlFor(hubDir), database.password())) {
            List<ConcurrentReaders.Reader> readers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Set<String> service = Set.of(SERVICES[c % SERVICES.length]);
                readers.add((next, random) -> {
                    Optional<ReferralStatus> status = random.nextBoolean() ? Optional.of(ReferralStatus.SENT)
                            : Optional.empty();
                    Optional<QueueCursor> after = next.map(ReferralQueueHarness::rawCursor)
                            .map(cursor -> new QueueCursor(Instant.ofEpochMilli(cursor.dueAt()),
                                    UUID.fromString(cursor.referralId())));
                    return store.read(repositories -> repositories.queues().page(service, status, after,
                            ReferralQueues.MAX_PAGE, HouseholdProjector.PROJECTION)).next()
                            .map(end -> end.dueAt().toEpochMilli() + "." + end.referralId());
                });
            }
            report(label, "store page (QueueRepository)", readers, requests, server);
        }
    }

    /** The floor: the same pages' bare SQL, 16 threads on connections of their own, with the hub stopped. */
    private static double raw(String label, String url, int requests, ServerCpu server) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            List<ConcurrentReaders.Reader> readers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Connection connection = DriverManager.getConnection(url);
                connections.add(connection);
                RawQueuePage queue = new RawQueuePage(connection, SERVICES[c % SERVICES.length]);
                readers.add((next, random) -> queue.read(random.nextBoolean() ? Optional.of("SENT") : Optional.empty(),
                        next.map(ReferralQueueHarness::rawCursor)).map(end -> end.dueAt() + "." + end.referralId()));
            }
            return report(label, "raw page query (JDBC)", readers, requests, server);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static RawQueuePage.Cursor rawCursor(String text) {
        int dot = text.indexOf('.');
        return new RawQueuePage.Cursor(Long.parseLong(text.substring(0, dot)), text.substring(dot + 1));
    }

    /** A byte of a queue cursor: the due time's digits, the dot, the referral id's hex digits and dashes. */
    private static boolean cursorByte(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b == '.' || b == '-';
    }

    /**
     * Households sealed as the hub seals them (on every core), and open referrals of the first ones with their
     * request events, straight into the store by plain JDBC batches, {@value #SEED_TRANSACTION} households to a
     * transaction (jdbi's binding and the store's small page cache were most of the time); then the counts per
     * status and the change marks the queue reads, computed from the referrals as migrations V8 and V15 do.
     */
    private static void seed(Path hubDir, DatabaseSettings database, int households, int referrals)
            throws SQLException {
        Household household;
        try {
            household = HouseholdJson.read(Fixtures.household(), NeedsCatalogue.bundled(), LocalDate.now());
        } catch (InvalidRegistrationException e) {
            throw new IllegalStateException("The bench household does not validate", e);
        }
        String json = HouseholdJson.write(household).toString();
        SecureRandom random = new SecureRandom();
        HouseholdVault vault = new HouseholdVault(HubDataKey.loadOrCreate(hubDir, random), random);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Urgency[] urgencies = Urgency.values();
        String url = database.urlFor(hubDir);
        try (JdbiHubStore store = JdbiHubStore.open(url, database.password())) {
            // A hub counts each household for reports as it projects it; these skip the projector, so the hub would
            // open all of them at start to count them (ReportBackfill), minutes at 1,000,000 that measure nothing
            // of queues. Reports are not read here.
            store.inTransaction(repositories -> repositories.projections().advance(ReportBackfill.DONE, 0, 1));
        }
        try (Connection connection = SeedRows.connection(url, database.password());
             PreparedStatement insert = SeedRows.households(connection);
             PreparedStatement refer = connection.prepareStatement("INSERT INTO referrals (referral_id, "
                     + "household_id, service, status, urgency, requested_at, due_at, basis, people_json, event_id, "
                     + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement request = connection.prepareStatement("INSERT INTO referral_events (event_id, "
                     + "referral_id, type, status, recorded_at, payload_json) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < households; from += SEED_TRANSACTION) {
                int to = Math.min(households, from + SEED_TRANSACTION);
                // No search terms (null): transliterating names for them would be most of the seeding time.
                List<SealedHousehold> sealed = IntStream.range(from, to).parallel()
                        .mapToObj(i -> vault.seal(new HouseholdRecord(UUID.randomUUID(), TokenId.random(random),
                                "KIOSK-01", LocalDate.now(), "KIOSK-01", "Bench gate", now, json,
                                UUID.randomUUID()), null).household())
                        .toList();
                for (SealedHousehold one : sealed) {
                    SeedRows.addHousehold(insert, one);
                }
                insert.executeBatch();
                boolean referred = false;
                for (int i = from; i < Math.min(to, referrals); i++) {
                    addReferral(refer, request, referral(sealed.get(i - from).householdId(), i % SERVICES.length,
                            urgencies[(i / 8) % urgencies.length], now.minus(i % 5_000, ChronoUnit.MINUTES)));
                    referred = true;
                }
                if (referred) {
                    refer.executeBatch();
                    request.executeBatch();
                }
                connection.commit();
            }
            try (Statement counts = connection.createStatement()) {
                counts.execute("INSERT INTO referral_status_counts (service, status, total) "
                        + "SELECT service, status, COUNT(*) FROM referrals GROUP BY service, status");
                counts.execute("INSERT INTO referral_service_changes (service, version, changed_at) "
                        + "SELECT service, COUNT(*), MAX(updated_at) FROM referrals GROUP BY service");
            }
            connection.commit();
        }
    }

    private static void addReferral(PreparedStatement refer, PreparedStatement request, NewReferral created)
            throws SQLException {
        ReferralRecord referral = created.referral();
        refer.setString(1, referral.referralId().toString());
        refer.setString(2, referral.householdId().toString());
        refer.setString(3, referral.service());
        refer.setString(4, referral.status().name());
        refer.setString(5, referral.urgency().wireName());
        refer.setLong(6, referral.requestedAt().toEpochMilli());
        refer.setLong(7, referral.dueAt().toEpochMilli());
        refer.setString(8, referral.basis().wireName());
        refer.setString(9, PEOPLE_JSON.formatted(referral.people().get(0).needs().get(0)));
        refer.setString(10, referral.eventId().toString());
        refer.setLong(11, referral.createdAt().toEpochMilli());
        refer.setLong(12, referral.updatedAt().toEpochMilli());
        refer.addBatch();
        ReferralEventRecord event = created.request();
        request.setString(1, event.eventId().toString());
        request.setString(2, event.referralId().toString());
        request.setString(3, event.type());
        request.setString(4, event.status().name());
        request.setLong(5, event.recordedAt().toEpochMilli());
        request.setString(6, event.payloadJson());
        request.addBatch();
    }

    private static NewReferral referral(UUID householdId, int service, Urgency urgency, Instant requestedAt) {
        UUID eventId = UUID.randomUUID();
        ReferralRequested request = new ReferralRequested(UUID.randomUUID(), householdId, SERVICES[service], urgency,
                requestedAt, requestedAt.plus(urgency.dueIn()), LegalBasis.CONSENT,
                List.of(new ReferredPerson(0, List.of(CODES[service]))));
        ReferralRecord record = ReferralRecord.requested(request, eventId, requestedAt);
        return new NewReferral(record, new ReferralEventRecord(eventId, request.referralId(),
                ReferralRequested.WIRE_NAME, record.status(), requestedAt,
                new String(request.toJson(), StandardCharsets.UTF_8)));
    }

    private static String login(HttpClient http, String base, String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int start = body.indexOf(":\"") + 2;
        return body.substring(start, body.indexOf('"', start));
    }

    private DatabaseSettings newDatabase() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE referral_queues");
        }
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/referral_queues"
                + "?user=postgres", null);
    }
}
