package org.threshold.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.threshold.bench.raw.RawPostgresCopy;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.DatabaseSettings;

/**
 * {@code ReferralIngestCost [REGISTRATIONS] [ROUNDS]}: what referral events cost the hub's ingest. The same
 * REGISTRATIONS registrations (default 8,000) from 4 kiosks, sent to a real hub over HTTP as {@link HubIngestRate}
 * sends them, in three mixes alternated within each of ROUNDS rounds (default 3) on SQLite and on PostgreSQL:
 * registrations alone; each followed by the {@code ReferralRequested} events the kiosk makes for every referral the
 * rules suggest for the bench household (three, as when the operator confirms them all); and each followed by one
 * (the first suggested, as when the operator keeps one). Prints, per store and mix, the median registrations per
 * second acknowledged and projected (the hub holds every household and every referral) and their ratio to
 * registrations alone: the share of ingest throughput left when kiosks send referrals. Also the median events per
 * second (their ratio says whether a referral event costs ingest more or less than another event), the envelope bytes
 * of a registration event and of a referral event as shipped, and what one registration and one referral event cost
 * in the same run: wall time (the reciprocal of the rate alone, and the extra per referral event with them) and this
 * JVM's CPU over the ingest window (hub and senders; on PostgreSQL the database server's own CPU is not in it).
 */
public final class ReferralIngestCost {
    private static final int KIOSKS = 4;
    private static final int[] MIXES = {HubIngestRate.ALL_SUGGESTED, 1};

    private final HubIngestRate hub;
    private final EmbeddedPostgres postgres;
    private int databases;
    // Mean envelope bytes of the registration and referral events last sent with referrals.
    private double registrationBytes;
    private double referralBytes;

    private ReferralIngestCost(HubIngestRate hub, EmbeddedPostgres postgres) {
        this.hub = hub;
        this.postgres = postgres;
    }

    public static void main(String[] args) throws Exception {
        int registrations = args.length > 0 ? Integer.parseInt(args[0]) : 8_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("ReferralIngestCost %,d registrations from %d kiosks, %d rounds, %d cores, started %s (%s)%n",
                registrations, KIOSKS, rounds, Runtime.getRuntime().availableProcessors(), Instant.now(),
                LoadAverage.now());
        Path dir = Files.createTempDirectory("threshold-referral-ingest-");
        try (EmbeddedPostgres postgres = RawPostgresCopy.start()) {
            ReferralIngestCost cost = new ReferralIngestCost(new HubIngestRate(dir), postgres);
            cost.hub.ingest(cost.hub.prepare("warm-up", 1, HubIngestRate.BATCH,
                    DatabaseSettings.SQLITE_IN_DATA_FOLDER, HubIngestRate.ALL_SUGGESTED));
            cost.compare("SQLite", false, registrations, rounds);
            cost.compare("PostgreSQL", true, registrations, rounds);
        }
    }

    private void compare(String label, boolean onPostgres, int registrations, int rounds) throws Exception {
        List<HubIngestRate.Run> alone = new ArrayList<>();
        List<List<HubIngestRate.Run>> mixed = new ArrayList<>();
        for (int mix = 0; mix < MIXES.length; mix++) {
            mixed.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            // Alternated, so a neighbour's burst on the shared cores falls on every mix alike.
            alone.add(run(label + "-alone-" + round, onPostgres, registrations, 0));
            for (int mix = 0; mix < MIXES.length; mix++) {
                mixed.get(mix).add(run(label + "-referrals-" + MIXES[mix] + "-" + round, onPostgres, registrations,
                        MIXES[mix]));
            }
        }
        double ingestAlone = median(alone, HubIngestRate.Run::householdsPerSecond);
        double projectedAlone = median(alone, ReferralIngestCost::projected);
        double cpuAlone = median(alone, ReferralIngestCost::cpuPerRegistration);
        System.out.printf("  %-10s alone: %.0f registrations/s acknowledged, %.0f projected; a registration costs "
                        + "%.0f us of ingest wall time, %.0f us of CPU (%s)%n", label, ingestAlone, projectedAlone,
                1e6 / ingestAlone, cpuAlone * 1e6, LoadAverage.now());
        for (List<HubIngestRate.Run> runs : mixed) {
            HubIngestRate.Run sample = runs.get(0);
            double each = (sample.events() - sample.households()) / (double) sample.households();
            double ingestWith = median(runs, HubIngestRate.Run::householdsPerSecond);
            double projectedWith = median(runs, ReferralIngestCost::projected);
            double eventsWith = median(runs, HubIngestRate.Run::eventsPerSecond);
            System.out.printf("  %-10s with %.0f referral event(s) each: registrations/s acknowledged %.0f (%.0f "
                            + "events/s): ratio %.2f; events/s ratio %.2f; projected %.0f: ratio %.2f; a referral "
                            + "event costs %.0f us of ingest wall time, %.0f us of CPU%n", label, each, ingestWith,
                    eventsWith, ingestWith / ingestAlone, eventsWith / ingestAlone, projectedWith,
                    projectedWith / projectedAlone, (1e6 / ingestWith - 1e6 / ingestAlone) / each,
                    (median(runs, ReferralIngestCost::cpuPerRegistration) - cpuAlone) * 1e6 / each);
        }
        System.out.printf("  %-10s envelope bytes: %.0f per registration event, %.0f per referral event (%s)%n", label,
                registrationBytes, referralBytes, LoadAverage.now());
    }

    private HubIngestRate.Run run(String name, boolean onPostgres, int registrations, int referralsEach)
            throws Exception {
        DatabaseSettings database = onPostgres ? newDatabase() : DatabaseSettings.SQLITE_IN_DATA_FOLDER;
        HubIngestRate.Load load = hub.prepare(name, KIOSKS, registrations, database, referralsEach);
        if (referralsEach > 0) {
            List<SignedEvent> events = load.kiosks().stream().flatMap(kiosk -> kiosk.events().stream()).toList();
            registrationBytes = meanBytes(events, EventType.HOUSEHOLD_REGISTERED);
            referralBytes = meanBytes(events, EventType.REFERRAL_REQUESTED);
        }
        return hub.ingest(load);
    }

    private static double meanBytes(List<SignedEvent> events, EventType type) {
        return events.stream().filter(event -> event.header().type() == type).mapToInt(SignedEvent::encodedLength)
                .average().orElse(0);
    }

    /** The median of {@code rate} over the runs. */
    private static double median(List<HubIngestRate.Run> runs, ToDoubleFunction<HubIngestRate.Run> rate) {
        double[] rates = runs.stream().mapToDouble(rate).sorted().toArray();
        int n = rates.length;
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }

    /** CPU seconds of this JVM per registration acknowledged, its referral events included. */
    private static double cpuPerRegistration(HubIngestRate.Run run) {
        return run.ingestCpuSeconds() / run.households();
    }

    /** Registrations per second through projection: every household and referral held. */
    private static double projected(HubIngestRate.Run run) {
        return run.households() / run.projectedSeconds();
    }

    private DatabaseSettings newDatabase() throws SQLException {
        String name = "referral_ingest_" + ++databases;
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name
                + "?user=postgres", null);
    }
}
