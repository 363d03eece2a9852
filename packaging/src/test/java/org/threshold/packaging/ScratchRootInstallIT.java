package org.threshold.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub package unpacked into a scratch root ({@code dpkg-deb -x}), then run from there as the service
 * would run it: {@code threshold-provision init} makes a deployment, the packaged launcher reads a copy of
 * the packaged {@code hub.conf} (pointed at a temporary data folder, 127.0.0.1 and a free port) and the hub
 * answers over HTTPS with the certificate init made.
 */
class ScratchRootInstallIT {
    private static final Pattern SERVING = Pattern.compile("HUB https://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    private static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        assumeTrue(Shell.succeeds("dpkg-deb", "--version"), "dpkg-deb is missing: apt-get install dpkg");
        // As root, threshold-provision works as the hub's user when the package is installed on this machine,
        // and that user cannot write into this test's private folders.
        assumeFalse(Shell.succeeds("sh", "-c", "test \"$(id -u)\" = 0 && getent passwd threshold-hub"),
                "threshold-hub is installed here: run this test as another user, or apt purge threshold-hub");
        long start = System.nanoTime();
        root = DebPackage.built("threshold-hub").extract(dir.resolve("root"));
        System.out.printf("dpkg-deb -x threshold-hub: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void theUnpackedHubStartsFromItsConfigAndAnswersOverTls() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        long start = System.nanoTime();
        Shell.Result init = Shell.run(Duration.ofSeconds(120), root.resolve("usr/bin/threshold-provision").toString(),
                "init", "--hub", data.toString(), "--name", "Scratch root", "--hub-url", "https://127.0.0.1:8443");
        assertThat(init.exit()).as(init.output()).isZero();
        System.out.printf("threshold-provision init from the scratch root: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        Path conf = dir.resolve("hub.conf");
        Files.writeString(conf, set(set(set(Files.readString(root.resolve("etc/threshold/hub.conf")),
                "data", data.toString()), "host", "127.0.0.1"), "port", "0"));
        start = System.nanoTime();
        Process hub = new ProcessBuilder(root.resolve("usr/share/threshold-hub/bin/threshold-hub").toString(),
                "--config", conf.toString()).redirectErrorStream(true).start();
        try {
            int port = awaitServing(hub.getInputStream());
            System.out.printf("hub serving from the scratch root: %d ms after start%n",
                    (System.nanoTime() - start) / 1_000_000);
            HttpResponse<String> page = trusting(data.resolve("root-cert.pem")).send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/"))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("name=\"password\"");
        } finally {
            hub.destroy();
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).as("the hub stops on SIGTERM").isTrue();
        }
        // What SuccessExitStatus=143 in the unit is for: a clean stop on systemd's SIGTERM.
        assertThat(hub.exitValue()).isEqualTo(143);
    }

    @Test
    void aConfigWithMistakesStopsTheHubWithEveryProblemNamed() throws Exception {
        Path conf = dir.resolve("broken.conf");
        Files.writeString(conf, "data = " + dir.resolve("nowhere") + "\nprot = 8443\ntls = maybe\n");
        Shell.Result run = Shell.run(Duration.ofSeconds(120), root.resolve("usr/share/threshold-hub/bin/threshold-hub")
                .toString(), "--config", conf.toString());
        assertThat(run.exit()).as(run.output()).isEqualTo(78);
        assertThat(run.output()).contains(conf + " needs fixing", "does not exist", "unknown setting \"prot\"",
                "tls must be on or off");
    }

    /** The shipped file with one setting's line replaced; fails if the file has no such line. */
    private static String set(String conf, String name, String value) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " = .*$").matcher(conf);
        assertThat(line.find()).as("hub.conf sets %s", name).isTrue();
        return line.replaceFirst(Matcher.quoteReplacement(name + " = " + value));
    }

    private static int awaitServing(InputStream output) throws Exception {
        StringBuilder said = new StringBuilder();
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (said) {
                        said.append(line).append('\n');
                    }
                    Matcher serving = SERVING.matcher(line);
                    if (serving.find()) {
                        // Keep draining so the hub never blocks on a full pipe.
                        CompletableFuture.runAsync(() -> drain(lines));
                        return Integer.parseInt(serving.group(1));
                    }
                }
                throw new IllegalStateException("the hub stopped before serving");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return port.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            synchronized (said) {
                throw new AssertionError("The hub did not serve within " + START_LIMIT + ":\n" + said, e);
            }
        }
    }

    private static void drain(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // discarded
            }
        } catch (IOException ignored) {
            // the hub stopped
        }
    }

    /** A client that trusts only the deployment root {@code provision init} made (it signed the hub's certificate). */
    private static HttpClient trusting(Path rootCertificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(rootCertificate)) {
            trusted.setCertificateEntry("root", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
