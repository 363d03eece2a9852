package org.threshold.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.threshold.bench.raw.RawPostgresCopy;
import org.threshold.core.needs.NeedsCatalogue;
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
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.report.ReportBackfill;
import org.threshold.hub.app.sync.IngestGate;
import org.threshold.hub.deployment.HubDataKey;
import org.threshold.hub.store.JdbiHubStore;
import org.threshold.hub.web.http.ConnectionLimits;

/**
 * {@code HubStoreHarness [--ingest-only] [--store sqlite|postgresql] [EVENTS] [HOUSEHOLDS]}: the hub's store on SQLite
 * and on PostgreSQL (or the one store named), in one run, in this
 * order (lookups first, so a run cut short keeps them):
 * <ul>
 *   <li>token lookup over HOUSEHOLDS households seeded straight into the store, 64 concurrent clients: p50, p99, and
 *       beside it the raw read of a household by token on plain JDBC connections;</li>
 *   <li>verified ingest (kiosks POST signed binary batches to a real hub, counted on the signed ack) with 1, 4 and
 *       16 kiosks, next to the raw primitive on the same rows: a batched JDBC insert into SQLite, a binary COPY into
 *       PostgreSQL; and households projected per second (from the first POST until every one is projected), next
 *       to its floor: the same payloads opened (HPKE) on every core and nothing else;</li>
 *   <li>PostgreSQL with three hub instances against one, 16 kiosks;</li>
 *   <li>bytes on disk per household after the 16-kiosk run.</li>
 * </ul>
 * Defaults: 20,000 events, 1,000,000 households; {@code --ingest-only} leaves the lookups out, and 0 events measures
 * the lookups only; {@code --store} measures one store, so each half fits a shared machine's time slot (three
 * instances against one need the PostgreSQL half). PostgreSQL is zonky's embedded server with durable commits.
 */
public final class HubStoreHarness {
    /** The account the clients look households up as (the bootstrap administrator sees none). */
    private static final String READER = "bench-reader";
    private static final int[] KIOSKS = {1, 4, 16};
    private static final int CLIENTS = 64;
    private static final int LOOKUPS_PER_CLIENT = 200;
    private static final int SEED_TRANSACTION = 50_000;
    private static final String INGEST_ONLY = "--ingest-only";
    private static final String STORE = "--store";

    private final Path dir;
    private final EmbeddedPostgres postgres;
    private int databases;

    private HubStoreHarness(Path dir, EmbeddedPostgres postgres) {
        this.dir = dir;
        this.postgres = postgres;
    }

    public static void main(String[] args) throws Exception {
        // --ingest-only skips the lookups, whose seeding takes minutes, when ingest and projection are the question.
        List<String> arguments = new java.util.ArrayList<>(List.of(args));
        boolean ingestOnly = arguments.remove(INGEST_ONLY);
        int store = arguments.indexOf(STORE);
        String only = store < 0 ? "" : arguments.remove(store + 1);
        if (store >= 0) {
            arguments.remove(store);
        }
        if (!List.of("", "sqlite", "postgresql").contains(only)) {
            throw new IllegalArgumentException("--store takes sqlite or postgresql");
        }
        List<String> numbers = arguments;
        int events = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 20_000;
        int seeded = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 1_000_000;
        System.out.printf("HubStoreHarness %,d events, %s, %d cores, started %s (%s)%n", events,
                ingestOnly ? "ingest only" : String.format("%,d households", seeded),
                Runtime.getRuntime().availableProcessors(), java.time.Instant.now(), LoadAverage.now());
        Path dir = Files.createTempDirectory("threshold-hub-store-");
        try (EmbeddedPostgres postgres = RawPostgresCopy.start()) {
            HubStoreHarness harness = new HubStoreHarness(dir, postgres);
            if (!ingestOnly) {
                harness.lookups(seeded, only);
            }
            if (events > 0) {
                harness.ingest(events, only);
            }
        }
    }

    private void lookups(int seeded, String only) throws Exception {
        // Lookups first: the figure the hub's caseworkers feel, and the one a run cut short should not lose.
        System.out.printf("Token lookup over %,d households, %d clients x %d lookups (after a warm-up):%n", seeded,
                CLIENTS, LOOKUPS_PER_CLIENT);
        if (!only.equals("postgresql")) {
            lookups("SQLite", DatabaseSettings.SQLITE_IN_DATA_FOLDER, seeded);
        }
        if (!only.equals("sqlite")) {
            lookups("PostgreSQL", newDatabase(), seeded);
        }
    }

    /** @param only "sqlite" or "postgresql" for that store alone, "" for both */
    private void ingest(int events, String only) throws Exception {

        HubIngestRate hub = new HubIngestRate(dir);
        hub.ingest(hub.prepare("warm-up", 1, Math.max(4 * HubIngestRate.BATCH, events / 5)));
        System.out.printf("Verified ingest, %,d events (%d-event batches), median of one run each:%n", events,
                HubIngestRate.BATCH);
        HubIngestRate.Run sixteenOnPostgres = null;
        for (boolean onPostgres : new boolean[] {false, true}) {
            if (only.equals(onPostgres ? "sqlite" : "postgresql")) {
                continue;
            }
            for (int kiosks : KIOSKS) {
                DatabaseSettings database = onPostgres ? newDatabase() : DatabaseSettings.SQLITE_IN_DATA_FOLDER;
                String name = (onPostgres ? "pg-" : "sqlite-") + kiosks;
                HubIngestRate.Load load = hub.prepare(name, kiosks, events, database);
                HubIngestRate.Run run = hub.ingest(load);
                HubIngestRate.Raw raw;
                if (onPostgres) {
                    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                        raw = hub.rawPostgresBaseline(load, connection);
                    }
                } else {
                    raw = hub.rawBaseline(load, name + "-raw");
                }
                double projected = run.events() / run.projectedSeconds();
                double opened = hub.openFloor(load);
                System.out.printf("  %-10s %2d kiosk(s): %,8.0f events/s; raw %s %,8.0f rows/s; ratio %.2f; "
                                + "projected %,6.0f households/s; payloads opened bare %,6.0f/s; ratio %.2f (%s)%n",
                        onPostgres ? "PostgreSQL" : "SQLite", kiosks, run.eventsPerSecond(),
                        onPostgres ? "COPY" : "batched insert", raw.eventsPerSecond(),
                        run.eventsPerSecond() / raw.eventsPerSecond(), projected, opened, projected / opened,
                        LoadAverage.now());
                if (kiosks == 16) {
                    System.out.printf("  %-10s bytes on disk per household: %,.0f (%s)%n", onPostgres ? "PostgreSQL"
                            : "SQLite", (double) bytesOnDisk(load) / run.events(), LoadAverage.now());
                    if (onPostgres) {
                        sixteenOnPostgres = run;
                        printStorageFacts(load);
                    }
                }
            }
        }
        if (sixteenOnPostgres == null) {
            return;
        }
        HubIngestRate.Load three = hub.prepare("pg-3-instances", 16, events, newDatabase());
        HubIngestRate.Run threeInstances = hub.ingest(three, 3);
        System.out.printf("  PostgreSQL 16 kiosks, 3 hub instances: %,8.0f events/s, %.2f x one instance (%s)%n",
                threeInstances.eventsPerSecond(), threeInstances.eventsPerSecond()
                        / sixteenOnPostgres.eventsPerSecond(), LoadAverage.now());

    }

    private void lookups(String label, DatabaseSettings database, int seeded) throws Exception {
        Path hubDir = dir.resolve("lookup-" + label);
        new org.threshold.provisioning.Provisioner(new SecureRandom()).initHub(hubDir);
        long seeding = System.nanoTime();
        List<String> codes = seed(hubDir, database, seeded);
        double hubMedian;
        System.out.printf("  %-10s seeded %,d households in %.0f s (%s)%n", label, seeded,
                (System.nanoTime() - seeding) / 1e9, LoadAverage.now());
        // The 64 clients stand for 64 caseworkers but share one account and one address: lift the per-account
        // read limit and the per-address connection limit, which would otherwise measure themselves.
        try (HubServer hub = HubServer.start(HubSettings.of(hubDir).withDatabase(database)
                .withBootstrapAdmin("bench", "bench-password".toCharArray()), IngestGate.DEFAULT,
                new ConnectionLimits(4 * CLIENTS, ConnectionLimits.DEFAULT.idleTimeout(),
                        ConnectionLimits.DEFAULT.minBytesPerSecond()),
                new ReadLimit(Integer.MAX_VALUE, Duration.ofMinutes(1), Clock.systemUTC()))) {
            // The administrator sees no household data: the lookups are a protection officer's, who sees it whole.
            hub.services().accounts().add(READER, "bench-password".toCharArray(), new Accounts.Grant(
                    Role.PROTECTION_OFFICER, "Bench", Set.of("gbv", "child-protection", "legal")));
            String base = "http://127.0.0.1:" + hub.port();
            HttpClient http = HttpClient.newHttpClient();
            String session = login(http, base);
            measure(http, base, session, codes, 20);
            Lookups run = measure(http, base, session, codes, LOOKUPS_PER_CLIENT);
            Percentiles latency = new Percentiles(run.nanos());
            int count = run.nanos().length;
            System.out.printf("  %-10s p50 %.2f ms, p99 %.2f ms (%,d lookups) (%s)%n", label,
                    latency.medianMillis(), latency.p99Millis(), count, LoadAverage.now());
            // Latency on shared cores measures the neighbours too; CPU time per lookup does not. With 64 clients
            // that never pause, p50 is about 64 / throughput, and throughput is about the free cores / CPU per lookup.
            double hubCpu = (run.processCpuNanos() - run.clientCpuNanos()) / 1e6 / count;
            System.out.printf("  %-10s %,.0f lookups/s; CPU per lookup: hub %.3f ms (with GC and JIT), clients %.3f ms;"
                            + " two free cores would serve %,.0f lookups/s%n", label, count / run.wallSeconds(),
                    hubCpu, run.clientCpuNanos() / 1e6 / count, 2_000 / hubCpu);
            hubMedian = latency.medianMillis();
        }
        double rawMedian = rawLookups(label, database.urlFor(hubDir), codes);
        System.out.printf("  %-10s lookup p50 / raw p50: %.1f%n", label, hubMedian / rawMedian);
    }

    /**
     * The floor, in the same run with the hub stopped: the bare indexed read of a household by token, by 64 threads on
     * JDBC connections of their own, the same number of times; returns p50 in milliseconds.
     */
    private static double rawLookups(String label, String url, List<String> codes) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            List<ConcurrentReaders.Reader> readers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Connection connection = java.sql.DriverManager.getConnection(url);
                connections.add(connection);
                readers.add((next, random) -> {
                    byte[] token = TokenId.parseShortCode(codes.get(random.nextInt(codes.size()))).toBytes();
                    try (java.sql.PreparedStatement select = connection.prepareStatement(
                            "SELECT sealed_json, wrapped_key FROM households WHERE token_id = ?")) {
                        select.setBytes(1, token);
                        try (ResultSet rows = select.executeQuery()) {
                            if (!rows.next()) {
                                throw new IllegalStateException("A seeded token is missing");
                            }
                        }
                    }
                    return java.util.Optional.empty();
                });
            }
            ConcurrentReaders.run(readers, 20);
            Percentiles latency = new Percentiles(ConcurrentReaders.run(readers, LOOKUPS_PER_CLIENT));
            System.out.printf("  %-10s raw read by token (JDBC) p50 %.3f ms, p99 %.3f ms (%s)%n", label,
                    latency.medianMillis(), latency.p99Millis(), LoadAverage.now());
            return latency.medianMillis();
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /**
     * Households straight into the store, with the bench household's JSON sealed under the hub's data key (made if
     * the folder has none) as the hub seals it; returns a sample of their codes. Not timed as part of any figure, so
     * it takes the short way: the store opened once (migrated, its report backfill marked done), then plain JDBC,
     * {@value #SEED_TRANSACTION} rows a transaction, sealing on every core.
     */
    static List<String> seed(Path hubDir, DatabaseSettings database, int count) {
        String json = benchHouseholdJson();
        HubDataKey key = HubDataKey.loadOrCreate(hubDir, new SecureRandom());
        String url = database.urlFor(hubDir);
        try (JdbiHubStore store = JdbiHubStore.open(url, database.password())) {
            // A hub counts each household for reports as it projects it; these skip the projector, so the hub would
            // open every one of them at its start to count them (ReportBackfill): minutes at 1,000,000 households,
            // before the first lookup, that measure nothing of lookups. Reports are not read here.
            store.inTransaction(repositories -> repositories.projections().advance(ReportBackfill.DONE, 0, 1));
        }
        // A vault per sealing thread, each with its own generator: one shared SecureRandom serialises them.
        ThreadLocal<Sealer> sealers = ThreadLocal.withInitial(() -> {
            SecureRandom random = drbg();
            return new Sealer(new HouseholdVault(key, random), random);
        });
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> sample = new ArrayList<>();
        try (Connection connection = SeedRows.connection(url, database.password());
             PreparedStatement insert = SeedRows.households(connection)) {
            for (int from = 0; from < count; from += SEED_TRANSACTION) {
                List<SealedHousehold> sealed = IntStream.range(from, Math.min(count, from + SEED_TRANSACTION))
                        .parallel().mapToObj(i -> {
                            Sealer sealer = sealers.get();
                            // No search terms (null): transliterating names for them would be most of the seeding.
                            return sealer.vault().seal(new HouseholdRecord(UUID.randomUUID(),
                                    TokenId.random(sealer.random()),
                                    "KIOSK-01", today, "KIOSK-01", "Bench gate", now, json, UUID.randomUUID()), null)
                                    .household();
                        }).toList();
                for (int i = 0; i < sealed.size(); i++) {
                    SealedHousehold household = sealed.get(i);
                    if (i % 100 == 0) {
                        sample.add(household.tokenId().shortCode());
                    }
                    SeedRows.addHousehold(insert, household);
                }
                insert.executeBatch();
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Seeding the households failed (SQLState " + e.getSQLState() + ")", e);
        }
        return sample;
    }

    private record Sealer(HouseholdVault vault, SecureRandom random) {
    }

    private static String benchHouseholdJson() {
        try {
            return HouseholdJson.write(HouseholdJson.read(Fixtures.household(), NeedsCatalogue.bundled(),
                    LocalDate.now())).toString();
        } catch (InvalidRegistrationException e) {
            throw new IllegalStateException("The bench household does not validate", e);
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Java 9+ always has DRBG", e);
        }
    }

    /** One measured round: each lookup's latency, the wall time, the process's CPU time and the clients' share. */
    private record Lookups(long[] nanos, double wallSeconds, long processCpuNanos, long clientCpuNanos) {
    }

    private static Lookups measure(HttpClient http, String base, String session, List<String> codes, int perClient)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong clientCpu = new AtomicLong();
        try {
            List<Callable<long[]>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                work.add(() -> {
                    long cpuAtStart = threads.getCurrentThreadCpuTime();
                    long[] nanos = new long[perClient];
                    for (int i = 0; i < perClient; i++) {
                        String code = codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/tokens/" + code))
                                .header("Authorization", "Bearer " + session).GET().build();
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        nanos[i] = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("Lookup answered " + response.statusCode());
                        }
                    }
                    // The client's HTTP stack runs partly on the HttpClient's own threads: those count as the hub's
                    // here, so the hub's figure is an upper bound.
                    clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuAtStart);
                    return nanos;
                });
            }
            long cpuAtStart = system.getProcessCpuTime();
            long wallAtStart = System.nanoTime();
            List<Long> all = new ArrayList<>();
            for (Future<long[]> done : clients.invokeAll(work)) {
                for (long sample : done.get()) {
                    all.add(sample);
                }
            }
            return new Lookups(all.stream().mapToLong(Long::longValue).toArray(),
                    (System.nanoTime() - wallAtStart) / 1e9, system.getProcessCpuTime() - cpuAtStart,
                    clientCpu.get());
        } finally {
            clients.shutdownNow();
        }
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + READER + "\",\"password\":\"bench-password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int start = body.indexOf(":\"") + 2;
        return body.substring(start, body.indexOf('"', start));
    }

    private DatabaseSettings newDatabase() throws SQLException {
        String name = "bench_" + ++databases;
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name
                + "?user=postgres", null);
    }

    /**
     * What decides whether PostgreSQL storage settings could matter: an envelope under the TOAST threshold (about
     * 2 kB) is never compressed or moved out of line, so {@code SET STORAGE EXTERNAL} changes nothing for it; under a
     * database collation of C or POSIX, {@code COLLATE "C"} on the text ids changes nothing either.
     */
    private static void printStorageFacts(HubIngestRate.Load load) {
        try (Connection connection = java.sql.DriverManager.getConnection(load.database().jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet facts = statement.executeQuery("SELECT (SELECT datcollate FROM pg_database WHERE datname = "
                     + "current_database()), (SELECT max(octet_length(envelope)) FROM events), "
                     + "(SELECT count(*) FROM events WHERE pg_column_compression(envelope) IS NOT NULL), "
                     + "pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'events'")) {
            facts.next();
            System.out.printf("  PostgreSQL storage: collation %s; largest envelope %,d bytes; %,d envelopes "
                    + "compressed; events' TOAST table %,d bytes%n", facts.getString(1), facts.getLong(2),
                    facts.getLong(3), facts.getLong(4));
        } catch (SQLException e) {
            // A fact for the reader, not a figure: never worth losing the run over.
            System.out.printf("  PostgreSQL storage facts unavailable (SQLState %s)%n", e.getSQLState());
        }
    }

    /** SQLite: the database file and its WAL; PostgreSQL: the database's size as the server counts it. */
    private long bytesOnDisk(HubIngestRate.Load load) throws Exception {
        if (load.database().jdbcUrl() == null) {
            Path file = load.hubDir().resolve(JdbiHubStore.SQLITE_FILE);
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
        }
        String url = load.database().jdbcUrl();
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement();
             ResultSet size = statement.executeQuery("SELECT pg_database_size('" + name + "')")) {
            size.next();
            return size.getLong(1);
        }
    }
}
