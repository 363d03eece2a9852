package org.threshold.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's whole path with real processes: {@code provision init}, an operator and a code on the
 * hub host; a hub process serving TLS; a blank kiosk process enrolling with the ticket (its key made there);
 * then the kiosk process registering a household and syncing it to the hub over the pinned TLS connection.
 */
class EnrollmentRoundTripTest {
    private static final long PROCESS_TIMEOUT_SECONDS = 90;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aBlankKioskEnrollsWithACodeAndItsFirstRegistrationReachesTheHubOverPinnedTls() throws Exception {
        FieldDeployment deployment = FieldDeployment.init(dir);
        Process hub = start("org.threshold.hub.HubMain", "--data", deployment.hubDir.toString(), "--port", "0",
                "--demo");
        String hubUrl = firstLineStartingWith(hub, "HUB ").substring("HUB ".length());
        assertThat(hubUrl).startsWith("https://127.0.0.1:");
        String ticket = deployment.addKioskAt(hubUrl);
        Path kioskDir = dir.resolve("kiosk");

        long started = System.nanoTime();
        Process enroll = start("org.threshold.kiosk.KioskMain", "enroll", "--data", kioskDir.toString(), ticket);
        String enrolled = firstLineStartingWith(enroll, "ENROLLED ");
        assertThat(enroll.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        long enrollMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(enroll.exitValue()).isZero();
        assertThat(enrolled).isEqualTo("ENROLLED KIOSK-01");
        System.out.println("Enrollment round trip, kiosk process start to enrolled: " + enrollMillis + " ms");

        Path againErrors = dir.resolve("enroll-again.err");
        Process again = start(againErrors, "org.threshold.kiosk.KioskMain", "enroll", "--data",
                dir.resolve("other").toString(), ticket);
        assertThat(again.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isEqualTo(1);
        assertThat(java.nio.file.Files.readString(againErrors)).contains("[CODE_USED]").contains("already used");

        Process kiosk = start("org.threshold.kiosk.KioskMain", "--data", kioskDir.toString(), "--port", "0",
                "--sync-every", "0");
        String kioskUrl = firstLineStartingWith(kiosk, "KIOSK ").substring("KIOSK ".length());
        JsonHttp staff = new JsonHttp(kioskUrl).login("/api/session", "operator", FieldDeployment.OPERATOR,
                "passphrase", FieldDeployment.PASSPHRASE);
        JsonHttp.Response registered = staff.post("/api/households", EnrollmentTest.HOUSEHOLD);
        assertThat(registered.status()).isEqualTo(201);
        JsonNode sync = staff.post("/api/sync", "{}").body();
        assertThat(sync.get("acknowledged").asInt()).as(sync.toString()).isEqualTo(1);

        JsonHttp caseworker = new JsonHttp(hubUrl, deployment.pinnedClient())
                .login("/api/login", "username", "protection", "password", "demo-password");
        JsonHttp.Response found = caseworker.get("/api/tokens/" + registered.body().at("/token/code").asText());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("site").asText()).isEqualTo(FieldDeployment.SITE);
    }

    private Process start(String mainClass, String... args) throws Exception {
        return start(dir.resolve("process-" + processes.size() + ".err"), mainClass, args);
    }

    private Process start(Path errors, String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        // Errors (and the hub's log) go to a file: an undrained pipe could block the process.
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        processes.add(process);
        return process;
    }

    /** Reads the process's output until a line with {@code prefix}; fails after the timeout. */
    private static String firstLineStartingWith(Process process, String prefix) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            try {
                for (String next = reader.readLine(); next != null; next = reader.readLine()) {
                    if (next.startsWith(prefix)) {
                        return next;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("The process ended without printing " + prefix + " (see its .err file)");
        });
        return line.get(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
