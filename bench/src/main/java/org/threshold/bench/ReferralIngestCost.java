package org.threshold.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.threshold.bench.raw.RawPostgresCopy;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.DatabaseSettings;

/**
 * {@code ReferralIngestCost [--ingest-only] [--store sqlite|postgresql] [REGISTRATIONS] [ROUNDS]}: what referral events
 * cost the hub's ingest. The same REGISTRATIONS registrations (default 8,000) from 4 kiosks, sent to a real hub over
 * HTTP as {@link HubIngestRate} sends them, in three mixes alternated within each of ROUNDS rounds (default 3) on
 * SQLite and on PostgreSQL: registrations alone; each followed by the {@code ReferralRequested} events the kiosk makes
 * for every referral the rules suggest for the bench household (three, as when the operator confirms them all); and
 * each followed by one (the first suggested, as when the operator keeps one). Prints, per store and mix, the median
 * registrations per second acknowledged and projected (the hub holds every household and every referral) and their
 * ratio to registrations alone: the share of ingest throughput left when kiosks send referrals. Also the median events
 * per second (their ratio says whether a referral event costs ingest more or less than another event), the envelope
 * bytes of a registration event and of a referral event as shipped, and what one registration and one referral event
 * cost in the same run: wall time (the reciprocal of the rate alone, and the extra per referral event with them), this
 * JVM's CPU over the ingest window (hub, senders, garbage collector and any projection that ran; on PostgreSQL the
 * database server's own CPU is not in it) and of it the hub's request threads' (ingest's own work). With
 * {@code --ingest-only} a run ends at its last acknowledgement, without waiting for projection, so more registrations and
 * rounds fit in a few minutes; {@code --store} measures one store only.
 */
public final class ReferralIngestCost {
    private static final int KIOSKS = 4;
    private static final int[] MIXES = {HubIngestRate.ALL_SUGGESTED, 1};

    private final HubIngestRate hub;
    private final EmbeddedPostgres postgres;
    private final boolean untilProjected;
    private int databases;
    // Mean envelope bytes of the registration and referral events, by referral events per registration.
    private final Map<Integer, double[]> envelopeBytes = new HashMap<>();

    private ReferralIngestCost(HubIngestRate hub, EmbeddedPostgres postgres, boolean untilProjected) {
        this.hub = hub;
        this.postgres = postgres;
        this.untilProjected = untilProjected;
    }

    public static void main(String[] args) throws Exception {
        List<String> numbers = new ArrayList<>(Arrays.asList(args));
        boolean ingestOnly = numbers.remove("--ingest-only");
        int store = numbers.indexOf("--store");
        String only = store < 0 ? "" : numbers.remove(store + 1);
        numbers.remove("--store");
        int registrations = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 8_000;
        int rounds = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 3;
        System.out.printf("ReferralIngestCost %,d registrations from %d kiosks, %d rounds%s, %d cores, started %s "
                        + "(%s)%n",
                registrations, KIOSKS, rounds, ingestOnly ? ", ingest only" : "",
                Runtime.getRuntime().availableProcessors(), Instant.now(), LoadAverage.now());
        Path dir = Files.createTempDirectory("threshold-referral-ingest-");
        try (EmbeddedPostgres postgres = RawPostgresCopy.start()) {
            ReferralIngestCost cost = new ReferralIngestCost(new HubIngestRate(dir), postgres, !ingestOnly);
            cost.hub.ingest(cost.hub.prepare("warm-up", 1, HubIngestRate.BATCH,
                    DatabaseSettings.SQLITE_IN_DATA_FOLDER, HubIngestRate.ALL_SUGGESTED));
            if (!only.equals("postgresql")) {
                cost.compare("SQLite", false, registrations, rounds);
            }
            if (!only.equals("sqlite")) {
                cost.compare("PostgreSQL", true, registrations, rounds);
            }
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
        Costs aloneCosts = Costs.of(alone);
        System.out.printf("  %-10s alone: %.0f registrations/s acknowledged, %.0f projected; a registration costs %s "
                + "(%s)%n", label, aloneCosts.acknowledged, aloneCosts.projected, aloneCosts.perRegistration(),
                LoadAverage.now());
        for (int mix = 0; mix < MIXES.length; mix++) {
            List<HubIngestRate.Run> runs = mixed.get(mix);
            HubIngestRate.Run sample = runs.get(0);
            double each = (sample.events() - sample.households()) / (double) sample.households();
            Costs with = Costs.of(runs);
            double[] bytes = envelopeBytes.get(MIXES[mix]);
            System.out.printf("  %-10s with %.0f referral event(s) each: registrations/s acknowledged %.0f (%.0f "
                            + "events/s): ratio %.2f; events/s ratio %.2f; projected %.0f: ratio %.2f; a referral "
                            + "event costs %s; envelope bytes %.0f per registration event, %.0f per referral event "
                            + "(%s)%n", label, each, with.acknowledged, with.acknowledged * (1 + each),
                    with.acknowledged / aloneCosts.acknowledged,
                    with.acknowledged * (1 + each) / aloneCosts.acknowledged,
                    with.projected, with.projected / aloneCosts.projected, with.perReferralEvent(aloneCosts, each),
                    bytes[0], bytes[1], LoadAverage.now());
        }
    }

    /** Medians over a mix's runs: rates, and this JVM's and the request threads' CPU seconds per registration. */
    private record Costs(double acknowledged, double projected, double cpu, double requestCpu) {
        static Costs of(List<HubIngestRate.Run> runs) {
            return new Costs(median(runs, HubIngestRate.Run::householdsPerSecond),
                    median(runs, ReferralIngestCost::projected),
                    median(runs, run -> run.ingestCpuSeconds() / run.households()),
                    median(runs, run -> run.requestCpuSeconds() / run.households()));
        }

        String perRegistration() {
            return String.format("%.0f us of ingest wall time, %.0f us of CPU (request threads %.0f us)",
                    1e6 / acknowledged, cpu * 1e6, requestCpu * 1e6);
        }

        /** What each of {@code each} referral events adds to a registration alone. */
        String perReferralEvent(Costs alone, double each) {
            return String.format("%.0f us of ingest wall time, %.0f us of CPU (request threads %.0f us)",
                    (1e6 / acknowledged - 1e6 / alone.acknowledged) / each, (cpu - alone.cpu) * 1e6 / each,
                    (requestCpu - alone.requestCpu) * 1e6 / each);
        }
    }

    private HubIngestRate.Run run(String name, boolean onPostgres, int registrations, int referralsEach)
            throws Exception {
        DatabaseSettings database = onPostgres ? newDatabase() : DatabaseSettings.SQLITE_IN_DATA_FOLDER;
        HubIngestRate.Load load = hub.prepare(name, KIOSKS, registrations, database, referralsEach);
        if (referralsEach > 0) {
            List<SignedEvent> events = load.kiosks().stream().flatMap(kiosk -> kiosk.events().stream()).toList();
            envelopeBytes.put(referralsEach, new double[] {meanBytes(events, EventType.HOUSEHOLD_REGISTERED),
                    meanBytes(events, EventType.REFERRAL_REQUESTED)});
        }
        return hub.ingest(load, 1, untilProjected);
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
