package org.threshold.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threshold.bench.raw.RawPostgresCopy;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.hub.store.JdbiHubStore;

/**
 * {@code ReportHarness [HOUSEHOLDS] [ROUNDS] [WARM]}: the coordinators' reports over a year of HOUSEHOLDS households
 * (default 1,000,000; {@link ReportSeed}), on SQLite and on PostgreSQL. Seeding is not timed. Then ROUNDS times
 * (default 5): a fresh hub on the store, and each report over the whole year as JSON, and the reports page, asked
 * over HTTP once cold (its first request after the hub started: new connections, SQLite's page cache empty; the
 * JVM's JIT is cold only in the first round) and WARM times (default 20) warm. Cold p50 over the rounds, warm p50
 * and p99; beside them, measured in the same run on the same store, the raw aggregate the reports replace: one
 * {@code GROUP BY} of the window's daily counts over plain JDBC (no suppression, no HTTP), and the ratio.
 */
public final class ReportHarness {
    private static final String PASSWORD = "bench-password";
    private static final String WINDOW = "?from=" + ReportSeed.FIRST + "&to=" + ReportSeed.FIRST.plusDays(
            ReportSeed.DAYS - 1);
    private static final List<String> TARGETS = List.of("/api/reports/arrivals.json", "/api/reports/age-sex.json",
            "/api/reports/needs.json", "/api/reports/referrals.json", "/reports");
    private static final String RAW = "SELECT arrival, site, measure, category, SUM(count) FROM report_counts "
            + "WHERE arrival >= ? AND arrival <= ? GROUP BY arrival, site, measure, category";

    private final Path dir;
    private final int rounds;
    private final int warm;

    private ReportHarness(Path dir, int rounds, int warm) {
        this.dir = dir;
        this.rounds = rounds;
        this.warm = warm;
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.out.printf("ReportHarness %,d households over %d days, %d rounds x %d warm requests, %d cores, "
                        + "started %s (%s)%n", households, ReportSeed.DAYS, rounds, warm,
                Runtime.getRuntime().availableProcessors(), java.time.Instant.now(), LoadAverage.now());
        Path dir = Files.createTempDirectory("threshold-reports-");
        ReportHarness harness = new ReportHarness(dir, rounds, warm);
        harness.store("SQLite", DatabaseSettings.SQLITE_IN_DATA_FOLDER, households);
        try (EmbeddedPostgres postgres = RawPostgresCopy.start()) {
            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                 Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE reports");
            }
            harness.store("PostgreSQL", new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + postgres.getPort()
                    + "/reports?user=postgres", null), households);
        }
    }

    private void store(String label, DatabaseSettings database, int households) throws Exception {
        Path hubDir = dir.resolve(label);
        new org.threshold.provisioning.Provisioner(new SecureRandom()).initHub(hubDir);
        long seeding = System.nanoTime();
        try (JdbiHubStore store = JdbiHubStore.open(database.urlFor(hubDir), database.password())) {
            new ReportSeed().seed(store, households);
        }
        System.out.printf("  %-10s seeded %,d households in %.0f s (%s)%n", label, households,
                (System.nanoTime() - seeding) / 1e9, LoadAverage.now());
        Map<String, List<Long>> cold = new LinkedHashMap<>();
        Map<String, List<Long>> warmed = new LinkedHashMap<>();
        List<Long> raw = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            try (HubServer hub = HubServer.start(HubSettings.of(hubDir).withDatabase(database)
                    .withBootstrapAdmin("bench", PASSWORD.toCharArray()))) {
                String base = "http://127.0.0.1:" + hub.port();
                HttpClient http = HttpClient.newHttpClient();
                String session = login(http, base);
                for (String target : TARGETS) {
                    cold.computeIfAbsent(target, t -> new ArrayList<>()).add(get(http, base + target, session));
                }
                for (int i = 0; i < warm; i++) {
                    for (String target : TARGETS) {
                        warmed.computeIfAbsent(target, t -> new ArrayList<>()).add(get(http, base + target, session));
                    }
                }
            }
            raw.addAll(rawAggregate(database, hubDir));
        }
        Percentiles base = new Percentiles(raw.stream().mapToLong(Long::longValue).toArray());
        System.out.printf("  %-10s raw GROUP BY of the year's daily counts (JDBC): p50 %.1f ms, p99 %.1f ms (%s)%n",
                label, base.medianMillis(), base.p99Millis(), LoadAverage.now());
        for (String target : TARGETS) {
            Percentiles first = new Percentiles(cold.get(target).stream().mapToLong(Long::longValue).toArray());
            Percentiles then = new Percentiles(warmed.get(target).stream().mapToLong(Long::longValue).toArray());
            System.out.printf("  %-10s %-28s cold p50 %6.1f ms (first round %6.1f); warm p50 %6.1f ms, p99 %6.1f ms;"
                            + " warm p50 / raw p50 %.2f (%s)%n", label, target, first.medianMillis(),
                    cold.get(target).get(0) / 1e6, then.medianMillis(), then.p99Millis(),
                    then.medianMillis() / base.medianMillis(), LoadAverage.now());
        }
    }

    /** One request, answered 200 with its body read whole; its latency in nanoseconds. */
    private static long get(HttpClient http, String url, String session) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + WINDOW))
                .header("Authorization", "Bearer " + session).header("Cookie", "threshold_session=" + session)
                .GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return nanos;
    }

    /** The raw aggregate, once cold on a new connection and {@link #warm} times more; each latency. */
    private List<Long> rawAggregate(DatabaseSettings database, Path hubDir) throws SQLException {
        String url = database.jdbcUrl() == null ? JdbiHubStore.sqliteUrl(hubDir) : database.jdbcUrl();
        List<Long> nanos = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement query = connection.prepareStatement(RAW)) {
            query.setString(1, ReportSeed.FIRST.toString());
            query.setString(2, ReportSeed.FIRST.plusDays(ReportSeed.DAYS - 1).toString());
            for (int i = 0; i <= warm; i++) {
                long start = System.nanoTime();
                long rows = 0;
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows += result.getLong(5) >= 0 ? 1 : 0;
                    }
                }
                nanos.add(System.nanoTime() - start);
                if (rows == 0) {
                    throw new IllegalStateException("The raw aggregate found no counts");
                }
            }
        }
        return nanos;
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench\",\"password\":\"" + PASSWORD
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int start = body.indexOf(":\"") + 2;
        return body.substring(start, body.indexOf('"', start));
    }
}
