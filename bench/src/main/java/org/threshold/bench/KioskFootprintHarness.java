package org.threshold.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.provisioning.ProvisionCommand;
import org.threshold.provisioning.Provisioner;

/**
 * {@code KioskFootprintHarness KIOSK_APP [HOUSEHOLDS [JVM_FLAG...]]}: the kiosk as a Raspberry Pi runs it. {@code provision
 * pi-files} lays out the kiosk from {@code KIOSK_APP} (normally {@code kiosk/target}); the JVM flags are read from
 * the launcher it writes (what {@code threshold-kiosk.service} runs), so this measures the shipped flags. Then:
 * <ol>
 *   <li>the class-data-sharing archive is built as {@code build-cds-archive} builds it;</li>
 *   <li>cold start: process start to the first 200 for the page, 5 starts with the archive and 5 without;</li>
 *   <li>unlock: {@code POST /api/session}, the passphrase check and the local data key unwrapped with Argon2id at
 *       the {@code SHIFT_KEY} cost, 5 times;</li>
 *   <li>memory: HOUSEHOLDS (default 1,000) registrations, each with its simulated card, and the kiosk's resident
 *       set size (VmRSS) after every 100, then once more after 10 s idle.</li>
 * </ol>
 * Medians throughout. Offline: the kiosk has no hub, as at a border point without a network. JVM flags given after
 * HOUSEHOLDS come after the shipped ones (so they win): for trying other bounds before changing the launcher.
 */
public final class KioskFootprintHarness {
    private static final Pattern SERVING = Pattern.compile("KIOSK http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern JAVA_LINE = Pattern.compile("exec java (.*SharedArchiveFile=\\S+.*?) -jar ");
    private static final String OPERATOR = "bench";
    private static final String PASSPHRASE = "bench-passphrase";
    private static final int STARTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KioskFootprintHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KioskFootprintHarness KIOSK_APP [HOUSEHOLDS [JVM_FLAG...]]   (KIOSK_APP: kiosk/target)");
            System.exit(2);
        }
        int households = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = Files.createTempDirectory("threshold-footprint-");
        Path tree = dir.resolve("pi-tree");
        if (ProvisionCommand.commandLine().execute("pi-files", "--kiosk-app", args[0], "--out", tree.toString()) != 0) {
            throw new IllegalStateException("provision pi-files failed");
        }
        Path jar = tree.resolve("opt/threshold/kiosk/threshold-kiosk.jar");
        Path archive = dir.resolve("threshold-kiosk.jsa");
        List<String> flags = shippedFlags(tree.resolve("opt/threshold/kiosk/bin/threshold-kiosk"), archive);
        System.out.println("JVM flags from the shipped launcher: " + String.join(" ", flags));
        if (args.length > 2) {
            List<String> extra = List.of(args).subList(2, args.length);
            flags.addAll(extra);
            System.out.println("and, after them: " + String.join(" ", extra));
        }

        Path data = dir.resolve("kiosk");
        SecureRandom random = new SecureRandom();
        Provisioner provisioner = new Provisioner(random); // SHIFT_KEY cost for the local data key, as deployed
        provisioner.initHub(dir.resolve("hub"));
        provisioner.enrollKiosk(dir.resolve("hub"), data, "KIOSK-01", "North gate", "http://127.0.0.1:9",
                List.of(new Provisioner.OperatorGrant(OPERATOR, OperatorRecord.Role.RECEPTION,
                        PASSPHRASE.toCharArray())));

        List<String> withoutArchive = new ArrayList<>(flags);
        withoutArchive.removeIf(flag -> flag.startsWith("-Xshare") || flag.startsWith("-XX:SharedArchiveFile"));
        buildArchive(jar, data, archive, withoutArchive);
        withoutArchive.add("-Xshare:off");
        System.out.printf("cold start to the page, median of %d: %.0f ms with the CDS archive, %.0f ms without%n",
                STARTS, medianStartMillis(jar, data, flags), medianStartMillis(jar, data, withoutArchive));

        Kiosk kiosk = Kiosk.start(jar, data, flags);
        try {
            long[] unlocks = new long[STARTS];
            String session = null;
            for (int i = 0; i < STARTS; i++) {
                long start = System.nanoTime();
                session = kiosk.unlock();
                unlocks[i] = System.nanoTime() - start;
            }
            System.out.printf("unlock (passphrase check + Argon2id SHIFT_KEY unwrap), median of %d: %.0f ms%n",
                    STARTS, new Percentiles(unlocks).medianMillis());
            System.out.printf("RSS after start and unlock: %d MB%n", kiosk.rssMb());
            for (int i = 1; i <= households; i++) {
                kiosk.register(session);
                if (i % 100 == 0) {
                    System.out.printf("RSS after %,5d households: %d MB%n", i, kiosk.rssMb());
                }
            }
            Thread.sleep(10_000);
            System.out.printf("RSS after 10 s idle: %d MB%n", kiosk.rssMb());
        } finally {
            kiosk.stop();
        }
    }

    /** The flags of the launcher's {@code exec java ... -jar} line, its archive path replaced by {@code archive}. */
    static List<String> shippedFlags(Path launcher, Path archive) throws IOException {
        String script = Files.readString(launcher).replace("\\\n", " ");
        Matcher line = JAVA_LINE.matcher(script);
        if (!line.find()) {
            throw new IllegalStateException("no `exec java ... -jar` line with a SharedArchiveFile in " + launcher);
        }
        List<String> flags = new ArrayList<>();
        for (String flag : line.group(1).trim().split("\\s+")) {
            flags.add(flag.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + archive : flag);
        }
        return flags;
    }

    /** As build-cds-archive: run once with -XX:ArchiveClassesAtExit and the kiosk's flags, then stop. */
    private static void buildArchive(Path jar, Path data, Path archive, List<String> flags) throws Exception {
        List<String> recording = new ArrayList<>(flags);
        recording.add("-XX:ArchiveClassesAtExit=" + archive);
        Kiosk kiosk = Kiosk.start(jar, data, recording);
        kiosk.register(kiosk.unlock()); // the classes of an unlock and a registration belong in the archive too
        kiosk.stop();
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the JVM wrote no archive at " + archive);
        }
    }

    private static double medianStartMillis(Path jar, Path data, List<String> flags) throws Exception {
        long[] nanos = new long[STARTS];
        for (int i = 0; i < STARTS; i++) {
            long start = System.nanoTime();
            Kiosk kiosk = Kiosk.start(jar, data, flags);
            nanos[i] = System.nanoTime() - start;
            kiosk.stop();
        }
        return new Percentiles(nanos).medianMillis();
    }

    /** A kiosk JVM, started with the given flags and returned once its page answers. */
    private record Kiosk(Process process, int port) {
        static Kiosk start(Path jar, Path data, List<String> flags) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(flags);
            command.addAll(List.of("-jar", jar.toString(), "--data", data.toString(), "--port", "0",
                    "--sync-every", "0"));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    Kiosk kiosk = new Kiosk(process, Integer.parseInt(serving.group(1)));
                    if (kiosk.send(HttpRequest.newBuilder(kiosk.uri("/")).GET()).statusCode() != 200) {
                        throw new IllegalStateException("the kiosk's page did not answer 200");
                    }
                    return kiosk;
                }
            }
            throw new IllegalStateException("the kiosk ended without serving (exit " + process.waitFor() + ")");
        }

        String unlock() throws Exception {
            HttpResponse<String> reply = send(HttpRequest.newBuilder(uri("/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("operator", OPERATOR, "passphrase", PASSPHRASE)))));
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("unlock refused: " + reply.body());
            }
            return JSON.readTree(reply.body()).path("sessionToken").asText();
        }

        void register(String session) throws Exception {
            ObjectNode household = (ObjectNode) Fixtures.household();
            household.put("arrivalDate", LocalDate.now().minusDays(1).toString());
            HttpResponse<String> reply = send(HttpRequest.newBuilder(uri("/api/households"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + session)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(household))));
            JsonNode body = JSON.readTree(reply.body());
            if (reply.statusCode() != 201 || !body.path("printed").asBoolean()) {
                throw new IllegalStateException("registration failed: " + reply.statusCode() + " " + reply.body());
            }
        }

        long rssMb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            throw new IllegalStateException("no VmRSS for the kiosk process");
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
