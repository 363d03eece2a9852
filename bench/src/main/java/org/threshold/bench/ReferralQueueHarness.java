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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.threshold.bench.raw.RawPostgresCopy;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralRequested;
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
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.referral.ReferralEventRecord;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.app.referral.ReferralRepository.NewReferral;
import org.threshold.hub.deployment.HubDataKey;
import org.threshold.hub.store.JdbiHubStore;

/**
 * {@code ReferralQueueHarness [HOUSEHOLDS] [OPEN_REFERRALS] [REQUESTS_PER_CLIENT]}: {@code GET /api/referrals} under
 * 16 concurrent caseworkers (16 accounts, two per service), on SQLite and then PostgreSQL, over HOUSEHOLDS households
 * and OPEN_REFERRALS open referrals (spread over the eight services and four urgencies) seeded straight into the
 * store. Each request is a first page of the caseworker's queue (half of them filtered to {@code SENT}) or, one in
 * four, the page after it: 50 referrals, each household opened and its need-to-know view built, and 50 access-log
 * records committed before the answer. Prints p50 and p99 with the load average. Defaults: 1,000,000 households,
 * 300,000 open referrals, 100 requests per client.
 */
public final class ReferralQueueHarness {
    private static final int CLIENTS = 16;
    private static final int SEED_BATCH = 5_000;
    private static final String[] SERVICES = {"child-protection", "gbv", "health", "mhpss", "disability", "legal",
        "family-tracing", "shelter"};
    private static final String[] CODES = {"SC-UC", "SV-VF", "SM-CI", "SM-MI", "DS-PM", "LP-RR", "FU-TR", "WR-SF"};
    private static final String PASSWORD = "bench-password";

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
        System.out.printf("ReferralQueueHarness %,d households, %,d open referrals, %d caseworkers x %d requests, "
                        + "%d cores, started %s (%s)%n", households, referrals, CLIENTS, requests,
                Runtime.getRuntime().availableProcessors(), Instant.now(), LoadAverage.now());
        Path dir = Files.createTempDirectory("threshold-referral-queue-");
        try (EmbeddedPostgres postgres = RawPostgresCopy.start()) {
            ReferralQueueHarness harness = new ReferralQueueHarness(dir, postgres);
            harness.queues("SQLite", DatabaseSettings.SQLITE_IN_DATA_FOLDER, households, referrals, requests);
            harness.queues("PostgreSQL", harness.newDatabase(), households, referrals, requests);
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
            measure(http, base, sessions, 10);
            long[] nanos = measure(http, base, sessions, requests);
            Percentiles latency = new Percentiles(nanos);
            System.out.printf("  %-10s GET /api/referrals p50 %.2f ms, p99 %.2f ms (%,d requests) (%s)%n", label,
                    latency.medianMillis(), latency.p99Millis(), nanos.length, LoadAverage.now());
        }
    }

    /** Households sealed as the hub seals them, and open referrals of the first ones, straight into the store. */
    private static void seed(Path hubDir, DatabaseSettings database, int households, int referrals) {
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
        try (JdbiHubStore store = JdbiHubStore.open(database.urlFor(hubDir), database.password())) {
            for (int from = 0; from < households; from += SEED_BATCH) {
                List<SealedHousehold> batch = new ArrayList<>(SEED_BATCH);
                List<NewReferral> referred = new ArrayList<>();
                for (int i = from; i < Math.min(households, from + SEED_BATCH); i++) {
                    UUID householdId = UUID.randomUUID();
                    batch.add(vault.seal(new HouseholdRecord(householdId, TokenId.random(random), "KIOSK-01",
                            LocalDate.now(), "KIOSK-01", "Bench gate", now, json, UUID.randomUUID()), household)
                            .household());
                    if (i < referrals) {
                        referred.add(referral(householdId, i % SERVICES.length, urgencies[(i / 8) % urgencies.length],
                                now.minus(i % 5_000, ChronoUnit.MINUTES)));
                    }
                }
                store.inTransaction(repositories -> {
                    repositories.households().insertNew(batch);
                    repositories.referrals().insertRequested(referred);
                    return null;
                });
            }
        }
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

    private static long[] measure(HttpClient http, String base, List<String> sessions, int perClient)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<long[]>> work = new ArrayList<>();
            for (String session : sessions) {
                work.add(() -> {
                    long[] nanos = new long[perClient];
                    String next = null;
                    for (int i = 0; i < perClient; i++) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        String path = "/api/referrals" + (random.nextBoolean() ? "?status=SENT" : "?status=");
                        if (next != null && random.nextInt(4) == 0) {
                            path += "&after=" + next;
                        }
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + session).GET().build();
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        nanos[i] = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("The queue answered " + response.statusCode());
                        }
                        int at = response.body().lastIndexOf("\"next\":\"");
                        next = at < 0 ? null : response.body().substring(at + 8, response.body().indexOf('"', at + 8));
                    }
                    return nanos;
                });
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> done : clients.invokeAll(work)) {
                for (long sample : done.get()) {
                    all.add(sample);
                }
            }
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            clients.shutdownNow();
        }
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
