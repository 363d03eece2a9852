package org.threshold.demo.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.sync.SyncClient;
import org.threshold.kiosk.sync.SyncReport;
import org.threshold.provisioning.Provisioner;

/**
 * {@code SyncSoak [EVENTS] [FAULT_RATE] [SEED] [BATCH_EVENTS]}: a kiosk with EVENTS pending syncs to a hub through a
 * {@link FaultProxy} that drops, delays, truncates, fails and replays requests; then the hub's events are
 * compared with the kiosk's: same ids and hashes at every sequence, none missing, none twice. Prints one
 * {@code SOAK ...} line and exits 0 if they match. Everything stays on 127.0.0.1.
 *
 * <pre>java -cp "demo/target/classes:$(cat demo/target/cp.txt)" org.threshold.demo.soak.SyncSoak 10000</pre>
 * With a fault rate of 0 and batches of 500 it measures a catch-up: {@code SyncSoak 50000 0 1 500}.
 */
public final class SyncSoak {
    public static final String KIOSK_ID = "KIOSK-SOAK-01";
    private static final int MAX_ROUNDS = 20_000;

    private SyncSoak() {
    }

    /** What a soak run found. */
    public record Outcome(int events, List<PendingEvents.Held> kiosk, List<PendingEvents.Held> hub, int rounds,
                          String faults, Duration took) {
        public boolean exact() {
            return kiosk.size() == events && kiosk.equals(hub);
        }
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double faultRate = args.length > 1 ? Double.parseDouble(args[1]) : 0.3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : new SecureRandom().nextLong();
        Path data = Files.createTempDirectory("threshold-soak");
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Outcome outcome = run(data, events, faultRate, seed, batch);
        System.out.println("SOAK events=" + events + " seed=" + seed + " rounds=" + outcome.rounds() + " took="
                + outcome.took().toMillis() + "ms kioskEvents=" + outcome.kiosk().size() + " hubEvents="
                + outcome.hub().size() + " exact=" + outcome.exact() + " faults: " + outcome.faults());
        System.exit(outcome.exact() ? 0 : 1);
    }

    /** Provisions a hub and a kiosk in {@code data}, fills the kiosk and syncs through the proxy until done. */
    public static Outcome run(Path data, int events, double faultRate, long seed, int batchEvents) throws Exception {
        Path hubDir = data.resolve("hub");
        Path kioskDir = data.resolve("kiosk");
        Provisioner provisioner = new Provisioner(new SecureRandom());
        provisioner.initHub(hubDir);
        try (HubServer hub = HubServer.start(HubSettings.of(hubDir));
             FaultProxy proxy = new FaultProxy(hub.port(), faultRate, seed, 50)) {
            provisioner.enrollKiosk(hubDir, kioskDir, KIOSK_ID, "Soak gate", proxy.url(), List.of(
                    new Provisioner.OperatorGrant("soak", OperatorRecord.Role.SUPERVISOR, "soak-passphrase".toCharArray())));
            PendingEvents.fill(kioskDir, events);
            long started = System.nanoTime();
            int rounds = 0;
            try (KioskDatabase database = KioskDatabase.open(kioskDir.resolve("kiosk.db"))) {
                EventLog log = new EventLog(database);
                SyncClient client = new SyncClient(new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                        kioskDir.resolve("kiosk.json").toFile(), org.threshold.core.deployment.KioskConfig.class),
                        new com.fasterxml.jackson.databind.ObjectMapper().readValue(kioskDir.resolve(
                                DeploymentLayout.KIOSK_KEY).toFile(), KeyPairFile.class).signingKey(),
                        log, SyncClient.httpClient(), Clock.systemUTC(),
                        new SyncClient.Limits(batchEvents, 4L * 1024 * 1024));
                SyncReport report;
                do {
                    report = client.syncNow();
                    rounds++;
                } while ((report.error() != null || report.pendingEvents() > 0) && rounds < MAX_ROUNDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Outcome(events, PendingEvents.onKiosk(kioskDir), PendingEvents.onHub(hubDir, KIOSK_ID), rounds,
                    proxy.summary(), took);
        }
    }
}
