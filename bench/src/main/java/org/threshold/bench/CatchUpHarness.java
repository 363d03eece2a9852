package org.threshold.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.kiosk.KioskApp;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.sync.SyncClient;
import org.threshold.kiosk.sync.SyncReport;

/**
 * Catch-up after a day offline: a kiosk whose {@code kiosk.db} holds a peak day of pending events (50,000 by
 * default) syncs them to a real {@link HubServer} over loopback, directly (no proxy), with the kiosk's own
 * {@link SyncClient} and default limits. Timed from the first request until the kiosk holds nothing pending;
 * the hub's background projection is not waited for. Median of three runs, each on fresh copies of the same
 * hub and kiosk folders, so every run sends the very same events to an empty hub.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.threshold.bench.CatchUpHarness [--events N]</pre>
 * {@link EndToEndHarness} prints the same table as its section 3.
 */
public final class CatchUpHarness {
    static final int RUNS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One timed catch-up. */
    record Run(int events, double seconds) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private CatchUpHarness() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int events = 50_000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--events")) {
                events = Integer.parseInt(args[i + 1]);
            }
        }
        Path dir = Files.createTempDirectory("threshold-catch-up-");
        try {
            System.out.printf("Threshold catch-up harness: %d pending events, %d CPUs; data in %s%n%n", events,
                    Runtime.getRuntime().availableProcessors(), dir);
            print(measure(dir, events));
        } finally {
            EndToEndHarness.deleteRecursively(dir);
        }
    }

    /** Prepares one hub and one kiosk with {@code events} pending, then times {@link #RUNS} catch-ups. */
    static List<Run> measure(Path dir, int events) throws Exception {
        HubIngestRate.Load load = new HubIngestRate(dir).prepare("catch-up", 1, events);
        Path kioskDir = dir.resolve("catch-up").resolve("kiosk-0");
        fill(kioskDir.resolve(KioskApp.DATABASE_FILE), load.kiosks().get(0).events());
        List<Run> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Path copy = dir.resolve("run-" + run);
            copyRecursively(load.hubDir(), copy.resolve("hub"));
            copyRecursively(kioskDir, copy.resolve("kiosk"));
            runs.add(catchUp(copy.resolve("hub"), copy.resolve("kiosk"), events));
        }
        return runs;
    }

    private static Run catchUp(Path hubDir, Path kioskDir, int events) throws Exception {
        KioskConfig enrolled = JSON.readValue(kioskDir.resolve(DeploymentLayout.KIOSK_CONFIG).toFile(),
                KioskConfig.class);
        try (HubServer hub = HubServer.start(HubSettings.of(hubDir));
             KioskDatabase database = KioskDatabase.open(kioskDir.resolve(KioskApp.DATABASE_FILE))) {
            EventLog log = new EventLog(database);
            SyncClient client = new SyncClient(enrolled.withHubUrl("http://127.0.0.1:" + hub.port()),
                    JSON.readValue(kioskDir.resolve(DeploymentLayout.KIOSK_KEY).toFile(), KeyPairFile.class)
                            .signingKey(), log,
                    SyncClient.httpClient(), Clock.systemUTC(), SyncClient.Limits.DEFAULT);
            long start = System.nanoTime();
            SyncReport report = client.syncNow();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (report.error() != null || report.pendingEvents() != 0 || report.acknowledged() != events) {
                throw new IllegalStateException("The catch-up did not complete: " + report);
            }
            return new Run(events, seconds);
        }
    }

    static void print(List<Run> runs) {
        double[] seconds = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
        double median = seconds[seconds.length / 2];
        Run first = runs.get(0);
        System.out.printf("3. Catch-up: one kiosk, %d pending events, SyncClient -> HubServer over loopback "
                + "(batches of up to %d events / %d MiB)%n", first.events(), SyncClient.Limits.DEFAULT.maxEvents(),
                SyncClient.Limits.DEFAULT.maxBytes() / (1024 * 1024));
        String row = "  %-36s %10s %10s%n";
        System.out.printf(row, "", "seconds", "events/s");
        for (int i = 0; i < runs.size(); i++) {
            System.out.printf(row, "run " + (i + 1), String.format("%.2f", runs.get(i).seconds()),
                    String.format("%.0f", runs.get(i).eventsPerSecond()));
        }
        System.out.printf(row, "median (target < 10 s)", String.format("%.2f", median),
                String.format("%.0f", first.events() / median));
        System.out.println("  (runs: " + Arrays.toString(Arrays.stream(seconds).mapToObj(s -> String.format("%.2f", s))
                .toArray()) + " s, sorted)");
    }

    /** Appends the sealed chain to the kiosk's own database as pending events, in one transaction. */
    private static void fill(Path database, List<SignedEvent> events) throws SQLException {
        KioskDatabase.open(database).close(); // the schema the kiosk itself creates
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             PreparedStatement insert = connection.prepareStatement("INSERT INTO events (sequence, event_id, type, "
                     + "recorded_at, hash, envelope) VALUES (?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (SignedEvent event : events) {
                insert.setLong(1, event.header().sequence());
                insert.setString(2, event.header().eventId().toString());
                insert.setString(3, event.header().type().wireName());
                insert.setString(4, event.header().recordedAt().toString());
                insert.setBytes(5, event.hash());
                insert.setBytes(6, event.encode());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
                try {
                    Files.copy(path, to.resolve(from.relativize(path).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
