package org.threshold.demo.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.hub.HubMain;
import org.threshold.kiosk.KioskMain;
import org.threshold.provisioning.Provisioner;

/**
 * The kiosk and the hub as separate processes, each killed outright (SIGKILL: no shutdown hook, no flush, no
 * rollback) at random moments while the kiosk's backlog syncs, and started again on the same folders: the hub
 * ends with exactly the kiosk's events, same ids and hashes, none missing, none twice.
 */
class KilledProcessesSyncTest {
    private static final int EVENTS = 6_000;
    private static final int KILLS = 6;
    private static final long SEED = 20261124L;

    @TempDir
    Path data;
    private final List<Process> running = new ArrayList<>();

    @Test
    @Timeout(150)
    void killingTheKioskAndTheHubMidSyncNeitherLosesNorDoublesAnEvent() throws Exception {
        Path hubDir = data.resolve("hub");
        Path kioskDir = data.resolve("kiosk");
        int hubPort = freePort();
        Provisioner provisioner = new Provisioner(new SecureRandom());
        provisioner.initHub(hubDir);
        provisioner.enrollKiosk(hubDir, kioskDir, SyncSoak.KIOSK_ID, "Killed gate", "http://127.0.0.1:" + hubPort,
                List.of(new Provisioner.OperatorGrant("kill", OperatorRecord.Role.SUPERVISOR,
                        "kill-passphrase".toCharArray())));
        PendingEvents.fill(kioskDir, EVENTS);
        Random random = new Random(SEED);
        try {
            Process hub = start(HubMain.class, "HUB ", "--data", hubDir.toString(), "--port", String.valueOf(hubPort));
            Process kiosk = start(KioskMain.class, "KIOSK ", "--data", kioskDir.toString(), "--port", "0",
                    "--sync-every", "1");
            List<Long> pendingAtKills = new ArrayList<>();
            for (int kill = 0; kill < KILLS; kill++) {
                boolean killHub = kill % 2 == 0;
                Process victim = killHub ? hub : kiosk;
                // The kiosk syncs a second after it starts and again a second after each run; this lands inside.
                assertThat(victim.waitFor(600 + random.nextInt(1_600), TimeUnit.MILLISECONDS))
                        .as("the process is still running before it is killed").isFalse();
                pendingAtKills.add(PendingEvents.pending(kioskDir));
                kill(victim);
                if (killHub) {
                    hub = start(HubMain.class, "HUB ", "--data", hubDir.toString(), "--port", String.valueOf(hubPort));
                } else {
                    kiosk = start(KioskMain.class, "KIOSK ", "--data", kioskDir.toString(), "--port", "0",
                            "--sync-every", "1");
                }
            }
            assertThat(pendingAtKills).as("at least some kills landed while events were still pending")
                    .anyMatch(pending -> pending > 0 && pending < EVENTS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (PendingEvents.pending(kioskDir) > 0 && System.nanoTime() < deadline) {
                // Waiting on the kiosk itself: if it died, the loop ends at once instead of waiting for nothing.
                assertThat(kiosk.waitFor(250, TimeUnit.MILLISECONDS)).as("the kiosk keeps running").isFalse();
            }
            assertThat(PendingEvents.pending(kioskDir)).as("every event acknowledged; kills at " + pendingAtKills
                    + " pending").isZero();
        } finally {
            List.copyOf(running).forEach(this::kill);
        }

        List<PendingEvents.Held> onKiosk = PendingEvents.onKiosk(kioskDir);
        assertThat(onKiosk).hasSize(EVENTS);
        assertThat(PendingEvents.onHub(hubDir, SyncSoak.KIOSK_ID)).containsExactlyElementsOf(onKiosk);
    }

    /** Starts a main class in its own JVM on this test's class path; returns once it prints its serving line. */
    private Process start(Class<?> main, String servingPrefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(data.resolve(main.getSimpleName() + ".log").toFile()))
                .start();
        running.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(servingPrefix)) {
                return process;
            }
        }
        throw new AssertionError(main.getSimpleName() + " ended without serving; see " + main.getSimpleName()
                + ".log");
    }

    /** SIGKILL on Linux: the process gets no chance to finish anything. */
    private void kill(Process process) {
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("a killed process ends").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        running.remove(process);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
