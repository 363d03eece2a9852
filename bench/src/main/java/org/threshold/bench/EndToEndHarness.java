package org.threshold.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * End-to-end figures, each next to its floor measured in the same run, because on two noisy shared
 * cores only ratios between neighbours in time are worth comparing across runs.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.threshold.bench.EndToEndHarness [--registrations N] [--events N]
 *     [--catch-up N]</pre>
 *
 * Everything is written to a fresh folder under {@code java.io.tmpdir} (deleted at the end): put that on
 * the disk you care about with {@code -Djava.io.tmpdir=...}, because fsync on tmpfs costs nothing.
 */
public final class EndToEndHarness {
    private static final int WARM_UP_REGISTRATIONS = 50;
    private static final int[] KIOSK_COUNTS = {1, 4, 16};

    private EndToEndHarness() {
    }

    public static void main(String[] args) throws Exception {
        // Before the first logger exists: one INFO line per registration and per batch would bury the table.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int registrations = option(args, "--registrations", 300);
        int events = option(args, "--events", 20_000);
        Path dir = Files.createTempDirectory("threshold-e2e-");
        try {
            System.out.printf("Threshold end-to-end harness: %d registrations (after %d warm-up), %d events; "
                    + "%d CPUs; data in %s%n%n", registrations, WARM_UP_REGISTRATIONS, events,
                    Runtime.getRuntime().availableProcessors(), dir);
            printRegistration(RegistrationLatency.measure(dir.resolve("registration"), registrations,
                    WARM_UP_REGISTRATIONS), registrations);
            System.out.println();
            printIngest(dir.resolve("ingest"), events);
            System.out.println();
            CatchUpHarness.print(CatchUpHarness.measure(dir.resolve("catch-up"), option(args, "--catch-up", 50_000)));
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void printRegistration(RegistrationLatency.Result r, int n) {
        System.out.printf("1. Registration latency, in-process RegisterHousehold.register (no HTTP), N=%d%n", n);
        String row = "  %-62s %9s %9s%n";
        System.out.printf(row, "", "median ms", "p90 ms");
        line(row, "registration: submit -> committed + card PNG", r.registration());
        line(row, "(a) HubSealing.seal of the payload", r.seal());
        line(row, "(b) SigningKey.sign of the envelope bytes", r.sign());
        line(row, "(c) raw JDBC txn: event + token row (WAL, sync=FULL)", r.rawInsert());
        line(row, "(d) SimulatedCardPrinter.print (QR + PNG file)", r.render());
        System.out.printf(row, "sum of primitive medians", ms(r.sumOfPrimitiveMedians()), "");
        System.out.printf(row, "ratio registration / sum (target <= 1.3)",
                String.format("%.2f", r.registration().medianMillis() / r.sumOfPrimitiveMedians()), "");
        line(row, "info: registration with local copy (operator holds the key)", r.registrationWithLocalCopy());
    }

    private static void printIngest(Path dir, int events) throws Exception {
        HubIngestRate hub = new HubIngestRate(dir);
        // A throwaway run first, so the JIT has compiled the hub's ingest path before any timed run: at least
        // five batches, since with batches of 2,000 a quarter of the events is only three requests.
        hub.ingest(hub.prepare("warm-up", 1, Math.max(5 * HubIngestRate.BATCH, events / 4)));

        HubIngestRate.Run[] runs = new HubIngestRate.Run[KIOSK_COUNTS.length];
        HubIngestRate.Raw raw = null;
        for (int i = 0; i < KIOSK_COUNTS.length; i++) {
            HubIngestRate.Load load = hub.prepare("kiosks-" + KIOSK_COUNTS[i], KIOSK_COUNTS[i], events);
            runs[i] = hub.ingest(load);
            if (i == 0) {
                // Right after the 1-kiosk run, on exactly its rows.
                raw = hub.rawBaseline(load, "raw-ingest");
            }
        }

        System.out.printf("2. Hub ingest, HTTP POST binary batches of %d, verified and acknowledged%n",
                HubIngestRate.BATCH);
        String row = "  %-36s %7s %10s %9s %14s %14s%n";
        System.out.printf(row, "", "events", "events/s", "ours/raw", "ingest s", "all projected s");
        for (HubIngestRate.Run run : runs) {
            System.out.printf(row, run.kiosks() + (run.kiosks() == 1 ? " kiosk" : " kiosks") + " (ack received)",
                    run.events(), String.format("%.0f", run.eventsPerSecond()),
                    String.format("%.3f", run.eventsPerSecond() / raw.eventsPerSecond()),
                    String.format("%.2f", run.ingestSeconds()), String.format("%.2f", run.projectedSeconds()));
        }
        System.out.printf(row, "raw JDBC batch insert (txn per " + HubIngestRate.BATCH + ")", raw.events(),
                String.format("%.0f", raw.eventsPerSecond()), "1", String.format("%.2f", raw.seconds()), "-");
        System.out.println("  (all projected s: from the first POST until the households table held every event;"
                + " projection runs concurrently with ingest)");
    }

    private static void line(String format, String label, Percentiles p) {
        System.out.printf(format, label, ms(p.medianMillis()), ms(p.p90Millis()));
    }

    private static String ms(double millis) {
        return String.format("%.3f", millis);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                int value = Integer.parseInt(args[i + 1]);
                if (value < 1) {
                    throw new IllegalArgumentException(name + " must be at least 1");
                }
                return value;
            }
        }
        return fallback;
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
