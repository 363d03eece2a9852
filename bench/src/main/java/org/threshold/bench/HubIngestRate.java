package org.threshold.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.threshold.bench.raw.EventRow;
import org.threshold.bench.raw.RawPostgresCopy;
import org.threshold.bench.raw.RawSqliteInsert;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.EventIds;
import org.threshold.core.event.EventSealer;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.HouseholdNeeds;
import org.threshold.core.referral.ReferralConfirmation;
import org.threshold.core.referral.ReferralConsents;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferralSuggester;
import org.threshold.core.referral.ReferralSuggestions;
import org.threshold.core.referral.SuggestedReferral;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.sync.BatchBody;
import org.threshold.core.sync.BatchRequestSignature;
import org.threshold.core.sync.SyncAck;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.hub.deployment.HubKeys;
import org.threshold.kiosk.sync.SyncClient;
import org.threshold.provisioning.Provisioner;

/**
 * Verified ingest at a real {@link HubServer}: kiosks POST binary batches ({@link BatchBody}) of
 * {@link SyncClient}'s default size, as it does, each kiosk's batches in order, kiosks in parallel; a batch
 * counts when its signed acknowledgement arrives. The hub opens payloads (households projection) in the
 * background after ingest, so that is timed separately, until the households table holds every event.
 *
 * <p>Events and batch bodies are all made before the clock starts: they are the kiosks' work, and on a
 * two-core machine they would otherwise take CPU from the hub being measured.
 */
final class HubIngestRate {
    static final int BATCH = SyncClient.Limits.DEFAULT.maxEvents();
    /** For {@link #prepare(String, int, int, DatabaseSettings, int)}: every referral the rules suggest. */
    static final int ALL_SUGGESTED = Integer.MAX_VALUE;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final long PROJECTION_TIMEOUT_NANOS = 600_000_000_000L;
    private static final int MAX_BUSY_ANSWERS = 60;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * @param households       how many of the events were registrations
     * @param projectedSeconds  from the first POST until the households (and referrals) tables held every event; NaN
     *                          when the run did not wait for projection
     * @param ingestCpuSeconds  CPU this JVM (the hub and the kiosks' senders, not a PostgreSQL server) spent from the
     *                          first POST to the last acknowledgement
     * @param requestCpuSeconds of it, the CPU of the hub's request threads: ingest's own work, without the senders,
     *                          the projector or the garbage collector
     */
    record Run(int kiosks, int events, int households, double ingestSeconds, double projectedSeconds,
               double ingestCpuSeconds, double requestCpuSeconds) {
        double eventsPerSecond() {
            return events / ingestSeconds;
        }

        double householdsPerSecond() {
            return households / ingestSeconds;
        }
    }

    /** The raw floor: the same rows, batched JDBC, one transaction per {@link #BATCH}. */
    record Raw(int events, double seconds) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /** One enrolled kiosk's chain, ready to send: batch bodies, and what each batch's ack must name. */
    record KioskLoad(String kioskId, SigningKey kioskKey, VerifyingKey hubIdentity, List<byte[]> bodies,
                     List<Long> ackSequences, List<SignedEvent> events, int households, int referrals) {
    }

    /** A provisioned hub folder, its database, and its enrolled kiosks' chains, made before anything is timed. */
    record Load(Path hubDir, DatabaseSettings database, List<KioskLoad> kiosks) {
        int events() {
            return kiosks.stream().mapToInt(kiosk -> kiosk.events().size()).sum();
        }

        int households() {
            return kiosks.stream().mapToInt(KioskLoad::households).sum();
        }

        int referrals() {
            return kiosks.stream().mapToInt(KioskLoad::referrals).sum();
        }
    }

    private final Path dir;
    private final SecureRandom random = new SecureRandom();
    private final Provisioner provisioner = new Provisioner(random);
    private final ReferralData referralData = ReferralData.bundled();
    private final NeedsCatalogue catalogue = referralData.catalogue();

    HubIngestRate(Path dir) {
        this.dir = dir;
    }

    /** A fresh hub folder with {@code kiosks} enrolled kiosks and {@code totalEvents / kiosks} events each. */
    Load prepare(String name, int kiosks, int totalEvents) {
        return prepare(name, kiosks, totalEvents, DatabaseSettings.SQLITE_IN_DATA_FOLDER);
    }

    /** As {@link #prepare(String, int, int)}, the hub's state in {@code database}. */
    Load prepare(String name, int kiosks, int totalEvents, DatabaseSettings database) {
        return prepare(name, kiosks, totalEvents, database, 0);
    }

    /**
     * As {@link #prepare(String, int, int, DatabaseSettings)} with {@code totalEvents} registrations, each followed in
     * its kiosk's chain by the {@code ReferralRequested} events the kiosk makes for the first {@code referralsEach}
     * referrals the rules suggest for the bench household ({@link #ALL_SUGGESTED}: as when the operator confirms them
     * all; 1: as when the operator keeps only the first).
     */
    Load prepare(String name, int kiosks, int totalEvents, DatabaseSettings database, int referralsEach) {
        Path root = dir.resolve(name);
        Path hubDir = root.resolve("hub");
        provisioner.initHub(hubDir);
        // Kiosks' chains are independent, so both cores seal them; one chain is sequential by nature.
        return new Load(hubDir, database, IntStream.range(0, kiosks).parallel()
                .mapToObj(k -> kioskLoad(hubDir, database, root.resolve("kiosk-" + k), "K" + kiosks + "-" + k,
                        totalEvents / kiosks, referralsEach))
                .collect(Collectors.toList()));
    }

    /**
     * The projection's floor: every payload of the load opened with the hub's key (HPKE, the one step of projecting
     * that no store or code change can remove), on every core, nothing else done; events per second.
     */
    double openFloor(Load load) throws Exception {
        HubKeys keys = HubKeys.load(load.hubDir());
        List<SignedEvent> events = load.kiosks().stream().flatMap(kiosk -> kiosk.events().stream()).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            List<Callable<Void>> slices = new ArrayList<>();
            for (int c = 0; c < cores; c++) {
                List<SignedEvent> slice = events.subList(c * events.size() / cores, (c + 1) * events.size() / cores);
                slices.add(() -> {
                    for (SignedEvent event : slice) {
                        event.openPayload(keys.sealingKey(event.header().sealingKeyId()).orElseThrow());
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> slice : pool.invokeAll(slices)) {
                slice.get();
            }
            return events.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts a real hub on the load's folder and sends every kiosk's batches, kiosks in parallel. */
    Run ingest(Load load) throws Exception {
        return ingest(load, 1, true);
    }

    /**
     * Starts {@code instances} real hubs on the load's folder and database (several only on PostgreSQL) and sends
     * kiosk k's batches to instance k modulo {@code instances}, kiosks in parallel.
     */
    Run ingest(Load load, int instances) throws Exception {
        return ingest(load, instances, true);
    }

    /** As {@link #ingest(Load, int)}; without {@code untilProjected}, returns at the last acknowledgement. */
    Run ingest(Load load, int instances, boolean untilProjected) throws Exception {
        List<HubServer> hubs = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                hubs.add(HubServer.start(HubSettings.of(load.hubDir()).withDatabase(load.database())));
            }
            ExecutorService pool = Executors.newFixedThreadPool(load.kiosks().size());
            try {
                List<Callable<Void>> senders = new ArrayList<>();
                for (int k = 0; k < load.kiosks().size(); k++) {
                    KioskLoad kiosk = load.kiosks().get(k);
                    URI batches = URI.create("http://127.0.0.1:" + hubs.get(k % instances).port() + "/api/sync/batches");
                    senders.add(() -> send(batches, kiosk));
                }
                long cpuAtStart = PROCESS.getProcessCpuTime();
                long requestCpuAtStart = requestThreadsCpu();
                long start = System.nanoTime();
                for (Future<Void> sender : pool.invokeAll(senders)) {
                    sender.get(); // rethrows a refused batch
                }
                long acked = System.nanoTime();
                long cpu = PROCESS.getProcessCpuTime() - cpuAtStart;
                long requestCpu = requestThreadsCpu() - requestCpuAtStart;
                double projectedSeconds = untilProjected ? (waitForProjection(load.database().urlFor(load.hubDir()),
                        load.households(), load.referrals(), start) - start) / 1e9 : Double.NaN;
                return new Run(load.kiosks().size(), load.events(), load.households(), (acked - start) / 1e9,
                        projectedSeconds, cpu / 1e9, requestCpu / 1e9);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            hubs.forEach(HubServer::close);
        }
    }

    /** The same rows as {@code load}, batched plain JDBC into a fresh file with the hub's events table. */
    Raw rawBaseline(Load load, String name) throws SQLException {
        List<EventRow> rows = new ArrayList<>();
        long receivedAt = System.currentTimeMillis();
        for (KioskLoad kiosk : load.kiosks()) {
            for (SignedEvent event : kiosk.events()) {
                rows.add(EventRow.of(event, receivedAt));
            }
        }
        return new Raw(rows.size(), RawSqliteInsert.insertNanos(rows, dir.resolve(name + ".db")) / 1e9);
    }

    /** The same rows as {@code load}, binary COPY into PostgreSQL, one transaction per kiosk batch. */
    Raw rawPostgresBaseline(Load load, Connection connection) throws SQLException {
        List<EventRow> rows = new ArrayList<>();
        long receivedAt = System.currentTimeMillis();
        for (KioskLoad kiosk : load.kiosks()) {
            for (SignedEvent event : kiosk.events()) {
                rows.add(EventRow.of(event, receivedAt));
            }
        }
        return new Raw(rows.size(), RawPostgresCopy.copyNanos(connection, rows) / 1e9);
    }

    private static Void send(URI batches, KioskLoad load) throws Exception {
        HttpClient http = SyncClient.httpClient(); // each kiosk is its own device with its own connection
        for (int i = 0; i < load.bodies().size(); i++) {
            HttpResponse<byte[]> response = http.send(signed(batches, load, i, 0),
                    HttpResponse.BodyHandlers.ofByteArray());
            // A busy hub (429 HUB_BUSY) stores nothing of the batch and says when to send it again; kiosks wait
            // that long and resend, signed anew (the hub took the first nonce), and so does this, within the time
            // the run counts.
            for (int busy = 0; busy < MAX_BUSY_ANSWERS && response.statusCode() == 429; busy++) {
                Thread.sleep(1_000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                response = http.send(signed(batches, load, i, busy + 1), HttpResponse.BodyHandlers.ofByteArray());
            }
            JsonNode body = JSON.readTree(response.body());
            // What SyncClient accepts as "synced": a 200 and a hub-signed ack at the batch's last event.
            SyncAck ack = response.statusCode() == 200 ? JSON.treeToValue(body.path("ack"), SyncAck.class) : null;
            if (ack == null || ack.sequence() != load.ackSequences().get(i) || !ack.signedBy(load.hubIdentity())) {
                throw new IllegalStateException("Kiosk " + load.kioskId() + " batch " + i + " not acknowledged: HTTP "
                        + response.statusCode() + " " + body);
            }
        }
        return null;
    }

    /** Batch {@code i} of the kiosk, signed as SyncClient signs it, with a nonce of its own for each attempt. */
    private static HttpRequest signed(URI batches, KioskLoad load, int i, int attempt) {
        byte[] batch = load.bodies().get(i);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Unique, as SyncClient's random one.
        String nonce = load.kioskId() + "-" + i + "-" + attempt + "-" + at.toEpochMilli();
        return HttpRequest.newBuilder(batches)
                .header("Content-Type", BatchBody.CONTENT_TYPE)
                .header(BatchRequestSignature.KIOSK_HEADER, load.kioskId())
                .header(BatchRequestSignature.TIME_HEADER, at.toString())
                .header(BatchRequestSignature.NONCE_HEADER, nonce)
                .header(BatchRequestSignature.SIGNATURE_HEADER, BatchRequestSignature.sign(load.kioskKey(), "POST",
                        batches.getPath(), load.kioskId(), at, nonce, batch))
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch))
                .build();
    }

    /** CPU nanoseconds the hub's request threads ({@code RequestThreads}: "hub-request-N") have used so far. */
    private static long requestThreadsCpu() {
        long nanos = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("hub-request")) {
                nanos += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return nanos;
    }

    /**
     * Polls the hub's database on a connection of its own until it holds every household and referral the events
     * made; returns then.
     */
    private static long waitForProjection(String url, int expectedHouseholds, int expectedReferrals, long start)
            throws Exception {
        try (Connection reader = DriverManager.getConnection(url)) {
            while (true) {
                long now = System.nanoTime();
                long households = count(reader, "SELECT count(*) FROM households");
                if (households >= expectedHouseholds && (expectedReferrals == 0
                        || count(reader, "SELECT count(*) FROM referrals") >= expectedReferrals)) {
                    long failures = count(reader, "SELECT count(*) FROM projection_failures");
                    if (failures > 0) {
                        throw new IllegalStateException(failures + " events failed to project");
                    }
                    return now;
                }
                if (now - start > PROJECTION_TIMEOUT_NANOS) {
                    throw new IllegalStateException("Projection still at " + households + " of " + expectedHouseholds
                            + " households after " + PROJECTION_TIMEOUT_NANOS / 1_000_000_000L + " s");
                }
                Thread.sleep(5);
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Enrolls a kiosk with Provisioner and seals its whole chain with EventSealer, as RegisterHousehold does. */
    private KioskLoad kioskLoad(Path hubDir, DatabaseSettings database, Path kioskDir, String kioskId, int count,
                                int referralsEach) {
        KioskConfig config = provisioner.enrollKiosk(hubDir, database, kioskDir, kioskId,
                RegistrationLatency.SITE, "http://127.0.0.1:9", List.of(new Provisioner.OperatorGrant("bench",
                        OperatorRecord.Role.SUPERVISOR, "bench-passphrase".toCharArray())));
        SigningKey kioskKey = Fixtures.enrolledKioskKey(kioskDir);
        EventSealer sealer = new EventSealer(kioskId, kioskKey, config.hubSealing());
        EventIds ids = new EventIds(Clock.systemUTC(), random);
        Household household;
        try {
            household = HouseholdJson.read(Fixtures.household(), catalogue, LocalDate.now(ZoneOffset.UTC));
        } catch (Exception e) {
            throw new IllegalStateException("The bench household no longer validates", e);
        }
        List<SignedEvent> events = new ArrayList<>(count);
        int referrals = 0;
        ChainPosition head = ChainPosition.GENESIS;
        for (int i = 0; i < count; i++) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            // A fresh token and household id per event, so every event projects to its own household.
            IssuedToken token = IssuedToken.issue(TokenId.random(random), kioskId, LocalDate.now(ZoneOffset.UTC),
                    kioskKey);
            UUID householdId = ids.next();
            byte[] payload = new RegistrationPayload(householdId, RegistrationLatency.SITE, now, token, household)
                    .toJson();
            List<SuggestedReferral> suggested = referralsEach == 0 ? List.of()
                    : referralsOf(household, now).stream().limit(referralsEach).toList();
            referrals += suggested.size();
            // Sealed together, the referrals under the registration's exported secret, as EventChain seals them.
            List<SignedEvent> sealed = sealer.sealRegistration(head, now, new EventSealer.Draft(ids.next(), payload),
                    suggested.stream().map(referral -> new EventSealer.Draft(ids.next(),
                            ReferralRequested.of(ids.next(), householdId, now, referral).toJson())).toList());
            events.addAll(sealed);
            head = ChainPosition.after(sealed.get(sealed.size() - 1));
        }
        List<byte[]> bodies = new ArrayList<>();
        List<Long> ackSequences = new ArrayList<>();
        for (int from = 0; from < events.size(); from += BATCH) {
            List<SignedEvent> batch = events.subList(from, Math.min(from + BATCH, events.size()));
            bodies.add(new BatchBody(kioskId, batch.stream().map(SignedEvent::encode).toList()).encode());
            ackSequences.add(batch.get(batch.size() - 1).header().sequence());
        }
        return new KioskLoad(kioskId, kioskKey, config.hubIdentity(), bodies, ackSequences, events, count,
                referrals);
    }

    /** What the kiosk's rules suggest for the household, every suggestion confirmed (RegistrationReferrals' way). */
    private List<SuggestedReferral> referralsOf(Household household, Instant at) {
        ReferralSuggestions suggestions = new ReferralSuggester(referralData).suggest(HouseholdNeeds.of(household,
                LocalDate.now(ZoneOffset.UTC)), ReferralConsents.fromRegistration(household, referralData.services()),
                at);
        return ReferralConfirmation.confirm(suggestions, referralData.services(), Optional.empty());
    }
}
