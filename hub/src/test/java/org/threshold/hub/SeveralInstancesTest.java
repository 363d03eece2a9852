package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.HubKeysFile;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.SealingKeyFile;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.token.IssuedToken;
import org.threshold.hub.testing.RoundRobinProxy;
import org.threshold.hub.testing.TestPostgres;

/**
 * Three hub instances, each its own JVM, on one PostgreSQL behind a round-robin proxy. Eight kiosks push their
 * chains through the proxy, so consecutive batches of one kiosk land on different instances; midway one instance is
 * SIGKILLed and started again. Every third household has its token reissued right after it is registered, so change
 * events are folded in by whichever instance has the projector's turn. At the end every instance answers every token
 * (410 for a revoked one), the hub holds exactly the kiosks' events with no gap and no fork, and every household and
 * every change is projected exactly once. {@code -Dthreshold.instances.events=N} sets the registrations per kiosk
 * (default 30) for a longer run.
 */
class SeveralInstancesTest {
    private static final int KIOSKS = 8;
    private static final int EVENTS_PER_KIOSK = Integer.getInteger("threshold.instances.events", 30);
    private static final int BATCH = 5;
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    @TempDir
    Path dataDir;
    private final List<Process> running = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        running.forEach(Process::destroyForcibly);
    }

    @Test
    void threeInstancesOneKilledMidwayLoseNothingForkNothingAndProjectEachHouseholdOnce() throws Exception {
        SealingPrivateKey sealing = HubSealing.generate(new SecureRandom());
        Files.write(dataDir.resolve(DeploymentLayout.HUB_KEYS), new ObjectMapper().writeValueAsBytes(new HubKeysFile(
                KeyPairFile.of(SigningKey.generate(new SecureRandom())), List.of(SealingKeyFile.of(sealing, true)))));
        String url = TestPostgres.newDatabaseUrl();
        List<TestKiosk> kiosks = new ArrayList<>();
        try (HubServices services = HubServices.open(dataDir, DatabaseSettings.of(url, null), Clock.systemUTC())) {
            for (int k = 1; k <= KIOSKS; k++) {
                TestKiosk kiosk = new TestKiosk("KIOSK-0" + k, sealing.publicKey());
                services.kiosks().enrollByKey(kiosk.kioskId, TestKiosk.SITE, kiosk.key.verifyingKey());
                kiosks.add(kiosk);
            }
        }
        Map<String, List<SignedEvent>> chains = new HashMap<>();
        // Each household's current token, and the tokens reissues revoked.
        List<IssuedToken> current = new ArrayList<>();
        List<IssuedToken> revoked = new ArrayList<>();
        for (TestKiosk kiosk : kiosks) {
            List<SignedEvent> chain = new ArrayList<>();
            for (int i = 0; i < EVENTS_PER_KIOSK; i++) {
                TestKiosk.Registration registration = kiosk.register();
                chain.add(registration.event());
                if (i % 3 == 0) {
                    TestKiosk.Reissue reissue = kiosk.reissue(registration.payload().householdId(), registration.token());
                    chain.add(reissue.event());
                    revoked.add(registration.token());
                    current.add(reissue.token());
                } else {
                    current.add(registration.token());
                }
            }
            chains.put(kiosk.kioskId, chain);
        }
        int reissuesPerKiosk = (EVENTS_PER_KIOSK + 2) / 3;
        int chainLength = EVENTS_PER_KIOSK + reissuesPerKiosk;
        List<Integer> ports = new ArrayList<>();
        List<Process> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Process instance = startInstance(url, "instance-" + i);
            instances.add(instance);
            ports.add(portOf(instance));
        }

        int batches = KIOSKS * ((chainLength + BATCH - 1) / BATCH);
        AtomicInteger acked = new AtomicInteger();
        int ackedAtKill;
        try (RoundRobinProxy proxy = new RoundRobinProxy(ports)) {
            ExecutorService pushers = Executors.newFixedThreadPool(KIOSKS);
            List<Future<?>> pushes = new ArrayList<>();
            for (TestKiosk kiosk : kiosks) {
                List<SignedEvent> events = chains.get(kiosk.kioskId);
                pushes.add(pushers.submit(() -> push(proxy.port(), kiosk, events, acked)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acked.get() < batches / 2 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(PAUSE_NANOS / 5);
            }
            ackedAtKill = acked.get();
            Process killed = instances.get(1);
            killed.destroyForcibly();
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Process restarted = startInstance(url, "instance-1-restarted");
            int newPort = portOf(restarted);
            proxy.replace(ports.get(1), newPort);
            ports.set(1, newPort);
            for (Future<?> push : pushes) {
                push.get(180, TimeUnit.SECONDS);
            }
            pushers.shutdownNow();
        }
        assertThat(ackedAtKill).as("the kill came midway").isBetween(1, batches - 1);

        int total = KIOSKS * EVENTS_PER_KIOSK;
        int events = KIOSKS * chainLength;
        assertThat(pollHouseholds(url, total)).isEqualTo(total);
        String session = new HubClient(ports.get(0)).login(DemoAccounts.PROTECTION_OFFICER, HubMain.DEMO_PASSWORD).json()
                .get("sessionToken").asText();
        // A spread of 25 current and 25 revoked tokens on each instance: the account's read limit (60 a minute per
        // instance) would refuse a lookup of every token; the query below checks every event was projected once.
        for (int port : ports) {
            HubClient instance = new HubClient(port);
            for (IssuedToken token : spread(current, 25)) {
                assertThat(instance.lookUp(token.id().shortCode(), session).status())
                        .as("instance on port %d answers a spread of tokens", port).isEqualTo(200);
            }
            for (IssuedToken token : spread(revoked, 25)) {
                assertThat(instance.lookUp(token.id().shortCode(), session).reason())
                        .as("instance on port %d refuses revoked tokens", port).isEqualTo("TOKEN_REVOKED");
            }
        }
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            assertThat(longs(statement, "SELECT COUNT(*), COUNT(DISTINCT event_id), MIN(projection_seq), "
                    + "MAX(projection_seq), COUNT(DISTINCT projection_seq) FROM events"))
                    .as("every event once, numbered for projection without a gap")
                    .containsExactly((long) events, (long) events, 1L, (long) events, (long) events);
            for (TestKiosk kiosk : kiosks) {
                List<SignedEvent> chain = chains.get(kiosk.kioskId);
                assertThat(longs(statement, "SELECT COUNT(*), MIN(sequence), MAX(sequence) FROM events WHERE kiosk_id = '"
                        + kiosk.kioskId + "'")).as("no gap in %s's chain", kiosk.kioskId)
                        .containsExactly((long) chainLength, 1L, (long) chainLength);
                try (ResultSet head = statement.executeQuery("SELECT sequence, hash FROM kiosk_heads WHERE kiosk_id = '"
                        + kiosk.kioskId + "'")) {
                    assertThat(head.next()).isTrue();
                    assertThat(head.getLong(1)).isEqualTo(chainLength);
                    assertThat(Bytes.hex(head.getBytes(2))).as("no fork: the head is the kiosk's own last event")
                            .isEqualTo(Bytes.hex(chain.get(chain.size() - 1).hash()));
                }
            }
            assertThat(longs(statement, "SELECT COUNT(*), COUNT(DISTINCT event_id), COUNT(DISTINCT token_id) "
                    + "FROM households")).as("each household projected exactly once")
                    .containsExactly((long) total, (long) total, (long) total);
            long reissues = (long) KIOSKS * reissuesPerKiosk;
            assertThat(longs(statement, "SELECT COUNT(*), COUNT(DISTINCT event_id) FROM household_history"))
                    .as("each change folded in exactly once").containsExactly(reissues, reissues);
            assertThat(longs(statement, "SELECT COUNT(*) FROM revoked_tokens")).containsExactly(reissues);
            assertThat(longs(statement, "SELECT COUNT(*) FROM projection_failures")).containsExactly(0L);
        }
    }

    /**
     * Sends a kiosk's chain in batches, from the hub's last acknowledgement on, retrying through anything. Each batch
     * goes on a new connection, so the proxy hands consecutive batches of one kiosk to different instances.
     */
    private static Void push(int proxyPort, TestKiosk kiosk, List<SignedEvent> events, AtomicInteger acked) {
        String kioskId = kiosk.kioskId;
        int from = 0;
        for (int attempt = 0; from < events.size(); attempt++) {
            if (attempt > 4_000) {
                throw new AssertionError(kioskId + " could not finish its chain; stuck at " + from);
            }
            HubClient.Response answer;
            try {
                answer = new HubClient(proxyPort, Clock.systemUTC(), id -> kiosk.key).sync(kioskId, events.subList(from, Math.min(from + BATCH, events.size())));
            } catch (UncheckedIOException connectionLost) {
                LockSupport.parkNanos(PAUSE_NANOS);
                continue;
            }
            if (answer.status() == 200) {
                from = (int) answer.json().at("/ack/sequence").asLong();
                acked.incrementAndGet();
            } else if (answer.status() == 429 || answer.status() >= 500) {
                LockSupport.parkNanos(PAUSE_NANOS);
            } else {
                throw new AssertionError(kioskId + ": " + answer.status() + " " + answer.body());
            }
        }
        return null;
    }

    private Process startInstance(String url, String name) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                HubMain.class.getName(), "--data", dataDir.toString(), "--db", url, "--port", "0", "--demo")
                .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve(name + ".log").toFile()))
                .start();
        running.add(process);
        return process;
    }

    /** Reads the instance's serving line: {@code HUB http://127.0.0.1:PORT}. */
    private static int portOf(Process instance) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(instance.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("HUB ")) {
                return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
            }
        }
        throw new AssertionError("A hub instance ended without serving; see its log in the data folder");
    }

    /** Bounded: the projectors take seconds; two minutes means they stopped. */
    private static long pollHouseholds(String url, long expected) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            long found = longs(statement, "SELECT COUNT(*) FROM households").get(0);
            while (found < expected && System.nanoTime() < deadline) {
                LockSupport.parkNanos(PAUSE_NANOS * 4);
                found = longs(statement, "SELECT COUNT(*) FROM households").get(0);
            }
            return found;
        }
    }

    private static List<Long> longs(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            List<Long> values = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                values.add(row.getLong(i));
            }
            return values;
        }
    }

    /** About {@code most} elements evenly spread over {@code all}, first and last among them. */
    private static <T> List<T> spread(List<T> all, int most) {
        if (all.size() <= most) {
            return all;
        }
        List<T> some = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            some.add(all.get((int) ((long) i * (all.size() - 1) / (most - 1))));
        }
        return some;
    }
}
