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
 * sends them, once as registrations alone and once with the {@code ReferralRequested} events the kiosk makes for each
 * (every referral the rules suggest for the bench household), alternating within each of ROUNDS rounds (default 3)
 * on SQLite and on PostgreSQL. Prints, per store, the median registrations per second acknowledged and projected (the
 * hub holds every household and every referral) with and without referral events, and their ratio: with referrals
 * over without is the share of ingest throughput left when kiosks send referrals. Also the median events per second
 * acknowledged with and without referral events (their ratio says whether a referral event costs ingest more or less
 * than another event), and the envelope bytes of a registration event and of a referral event as shipped.
 */
public final class ReferralIngestCost {
    private static final int KIOSKS = 4;

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
        double ingestAlone = median(alone, HubIngestRate.Run::householdsPerSecond);
        double ingestWith = median(withReferrals, HubIngestRate.Run::householdsPerSecond);
        double projectedAlone = median(alone, ReferralIngestCost::projected);
        double projectedWith = median(withReferrals, ReferralIngestCost::projected);
        System.out.printf("  %-10s registrations/s acknowledged: %.0f alone, %.0f with %.1f referral events each "
                        + "(%.0f events/s): ratio %.2f (%s)%n", label, ingestAlone, ingestWith,
                (sample.events() - sample.households()) / (double) sample.households(),
                ingestWith * sample.events() / sample.households(), ingestWith / ingestAlone, LoadAverage.now());
        double eventsAlone = median(alone, HubIngestRate.Run::eventsPerSecond);
        double eventsWith = median(withReferrals, HubIngestRate.Run::eventsPerSecond);
        System.out.printf("  %-10s events/s acknowledged: %.0f alone, %.0f with referral events: ratio %.2f%n", label,
                eventsAlone, eventsWith, eventsWith / eventsAlone);
        System.out.printf("  %-10s registrations/s projected (households and referrals held): %.0f alone, %.0f with "
                + "referrals: ratio %.2f%n", label, projectedAlone, projectedWith, projectedWith / projectedAlone);
        System.out.printf("  %-10s envelope bytes: %.0f per registration event, %.0f per referral event%n", label,
                registrationBytes, referralBytes);
    }

    private HubIngestRate.Run run(String name, boolean onPostgres, int registrations, boolean referrals)
            throws Exception {
        DatabaseSettings database = onPostgres ? newDatabase() : DatabaseSettings.SQLITE_IN_DATA_FOLDER;
        HubIngestRate.Load load = hub.prepare(name, KIOSKS, registrations, database, referrals);
        if (referrals) {
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
