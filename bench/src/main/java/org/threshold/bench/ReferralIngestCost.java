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
import org.threshold.bench.raw.RawPostgresCopy;
import org.threshold.hub.DatabaseSettings;

/**
 * {@code ReferralIngestCost [REGISTRATIONS] [ROUNDS]}: what referral events cost the hub's ingest. The same
 * REGISTRATIONS registrations (default 8,000) from 4 kiosks, sent to a real hub over HTTP as {@link HubIngestRate}
 * sends them, once as registrations alone and once with the {@code ReferralRequested} events the kiosk makes for each
 * (every referral the rules suggest for the bench household), alternating within each of ROUNDS rounds (default 3)
 * on SQLite and on PostgreSQL. Prints, per store, the median registrations per second acknowledged and projected (the
 * hub holds every household and every referral) with and without referral events, and their ratio: with referrals
 * over without is the share of ingest throughput left when kiosks send referrals.
 */
public final class ReferralIngestCost {
    private static final int KIOSKS = 4;

    private final HubIngestRate hub;
    private final EmbeddedPostgres postgres;
    private int databases;

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
                    DatabaseSettings.SQLITE_IN_DATA_FOLDER, true));
            cost.compare("SQLite", false, registrations, rounds);
            cost.compare("PostgreSQL", true, registrations, rounds);
        }
    }

    private void compare(String label, boolean onPostgres, int registrations, int rounds) throws Exception {
        List<HubIngestRate.Run> alone = new ArrayList<>();
        List<HubIngestRate.Run> withReferrals = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // Alternated, so a neighbour's burst on the shared cores falls on both alike.
            alone.add(run(label + "-alone-" + round, onPostgres, registrations, false));
            withReferrals.add(run(label + "-referrals-" + round, onPostgres, registrations, true));
        }
        HubIngestRate.Run sample = withReferrals.get(0);
        double ingestAlone = median(alone, true);
        double ingestWith = median(withReferrals, true);
        double projectedAlone = median(alone, false);
        double projectedWith = median(withReferrals, false);
        System.out.printf("  %-10s registrations/s acknowledged: %.0f alone, %.0f with %.1f referral events each "
                        + "(%.0f events/s): ratio %.2f (%s)%n", label, ingestAlone, ingestWith,
                (sample.events() - sample.households()) / (double) sample.households(),
                ingestWith * sample.events() / sample.households(), ingestWith / ingestAlone, LoadAverage.now());
        System.out.printf("  %-10s registrations/s projected (households and referrals held): %.0f alone, %.0f with "
                + "referrals: ratio %.2f%n", label, projectedAlone, projectedWith, projectedWith / projectedAlone);
    }

    private HubIngestRate.Run run(String name, boolean onPostgres, int registrations, boolean referrals)
            throws Exception {
        DatabaseSettings database = onPostgres ? newDatabase() : DatabaseSettings.SQLITE_IN_DATA_FOLDER;
        return hub.ingest(hub.prepare(name, KIOSKS, registrations, database, referrals));
    }

    /** The median registrations per second, through ingest (acknowledged) or through projection. */
    private static double median(List<HubIngestRate.Run> runs, boolean acknowledged) {
        double[] rates = runs.stream().mapToDouble(run -> acknowledged ? run.householdsPerSecond()
                : run.households() / run.projectedSeconds()).sorted().toArray();
        int n = rates.length;
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
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
