package org.threshold.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.threshold.core.pki.Certificates;
import org.threshold.core.pki.Pem;
import org.threshold.core.testing.DebianPackages;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.hub.deployment.HubLayout;
import org.threshold.provisioning.ProvisionCommand;

/**
 * The production load-balancer examples in {@code deploy/}: each passes its tool's own check, and, run for real in
 * front of two hubs made by {@code provision init}, passes TLS through untouched (the client sees the hub's own
 * certificate, the one kiosks pin) and keeps serving when one hub stops.
 */
class LoadBalancerConfigTest {
    private static final Path DEPLOY = Path.of("").toAbsolutePath();
    private static final String EXAMPLE_ROOT_CERT = "/etc/threshold/root-cert.pem";
    private static final List<String> EXAMPLE_HUBS = List.of("10.0.0.11:8443", "10.0.0.12:8443");

    @TempDir
    static Path work;
    private static Path firstData;
    private static Path secondData;

    @BeforeAll
    static void twoHubsOfOneDeployment() throws IOException {
        firstData = work.resolve("hub1");
        int exit = ProvisionCommand.commandLine().execute("init", "--hub", firstData.toString(), "--name",
                "Load balancer test", "--hub-url", "https://127.0.0.1:8443");
        assertThat(exit).as("provision init").isZero();
        // The second instance holds the same keys and certificates, as the config's comment tells operators.
        secondData = Files.createDirectory(work.resolve("hub2"));
        try (Stream<Path> files = Files.list(firstData)) {
            for (Path file : files.toList()) {
                Files.copy(file, secondData.resolve(file.getFileName()));
            }
        }
    }

    private static HubServer start(Path data) {
        return HubServer.start(HubSettings.of(data).withHost("127.0.0.1").withPort(0));
    }

    enum Proxy {
        HAPROXY("haproxy/threshold-hub.cfg", "haproxy", "haproxy"),
        NGINX("nginx/threshold-hub.conf", "nginx", "nginx", "libnginx-mod-stream");

        final String file;
        final String command;
        final String[] packages;

        Proxy(String file, String command, String... packages) {
            this.file = file;
            this.command = command;
            this.packages = packages;
        }

        /** The file the proxy reads: the example, or for nginx a main file that includes it, as nginx.conf would. */
        Path mainFile(Path example, Path folder) throws IOException {
            if (this == HAPROXY) {
                return example;
            }
            return Files.writeString(folder.resolve("nginx-main.conf"), String.join("\n",
                    "include /etc/nginx/modules-enabled/*.conf;",
                    "pid " + folder.resolve("nginx.pid") + ";",
                    "error_log stderr;",
                    "events {}",
                    "include " + example + ";", ""));
        }

        List<String> check(Path main, Path folder) {
            return this == HAPROXY ? List.of("haproxy", "-c", "-f", main.toString())
                    : List.of("nginx", "-t", "-e", "stderr", "-c", main.toString());
        }

        List<String> runInForeground(Path main, Path folder) {
            return this == HAPROXY ? List.of("haproxy", "-db", "-f", main.toString())
                    : List.of("nginx", "-e", "stderr", "-c", main.toString(), "-g", "daemon off;");
        }
    }

    @ParameterizedTest
    @MethodSource("proxies")
    void theToolAcceptsTheExampleAsShipped(Proxy proxy, @TempDir Path folder) throws Exception {
        DebianPackages.require(proxy.command, proxy.packages);
        // Only the root certificate's path changes: the example's must exist for the check to load it.
        String text = Files.readString(DEPLOY.resolve(proxy.file))
                .replace(EXAMPLE_ROOT_CERT, firstData.resolve(HubLayout.ROOT_CERTIFICATE).toString());
        Path example = Files.writeString(folder.resolve("threshold-hub.example"), text);

        Result check = run(proxy.check(proxy.mainFile(example, folder), folder));

        assertThat(check.exit()).as(check.output()).isZero();
    }

    @ParameterizedTest
    @MethodSource("proxies")
    void passesTlsThroughToEitherHubAndSurvivesOneStopping(Proxy proxy, @TempDir Path folder) throws Exception {
        DebianPackages.require(proxy.command, proxy.packages);
        int port = freePort();
        HubServer first = start(firstData);
        HubServer second = start(secondData);
        boolean firstRunning = true;
        String text = Files.readString(DEPLOY.resolve(proxy.file))
                .replace(EXAMPLE_ROOT_CERT, firstData.resolve(HubLayout.ROOT_CERTIFICATE).toString())
                .replace(EXAMPLE_HUBS.get(0), "127.0.0.1:" + first.port())
                .replace(EXAMPLE_HUBS.get(1), "127.0.0.1:" + second.port())
                .replace("bind :8443", "bind 127.0.0.1:" + port)
                .replace("listen 8443", "listen 127.0.0.1:" + port);
        Path example = Files.writeString(folder.resolve("threshold-hub.example"), text);
        String hubCertificate = Certificates.fingerprint(Pem.readCertificate(
                Files.readString(firstData.resolve(HubLayout.TLS_CERTIFICATE))));

        Process running = new ProcessBuilder(proxy.runInForeground(proxy.mainFile(example, folder), folder))
                .redirectErrorStream(true).redirectOutput(folder.resolve("proxy.log").toFile()).start();
        try {
            awaitListening(port, running, folder.resolve("proxy.log"));
            for (int i = 0; i < 4; i++) {
                assertThat(getThroughProxy(port)).isEqualTo(new Answer(hubCertificate, "HTTP/1.1 200 OK"));
            }
            first.close();
            firstRunning = false;
            for (int i = 0; i < 6; i++) {
                assertThat(getThroughProxy(port)).as("request %d after one hub stopped", i)
                        .isEqualTo(new Answer(hubCertificate, "HTTP/1.1 200 OK"));
            }
        } finally {
            if (firstRunning) {
                first.close();
            }
            second.close();
            running.destroy();
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        }
    }

    @Test
    void haproxyTakesOutAHubWhoseDatabaseStoppedAnswering(@TempDir Path folder) throws Exception {
        DebianPackages.require(Proxy.HAPROXY.command, Proxy.HAPROXY.packages);
        int port = freePort();
        HubServer first = start(firstData);
        HubServer second = start(secondData);
        String text = Files.readString(DEPLOY.resolve(Proxy.HAPROXY.file))
                .replace(EXAMPLE_ROOT_CERT, firstData.resolve(HubLayout.ROOT_CERTIFICATE).toString())
                .replace(EXAMPLE_HUBS.get(0), "127.0.0.1:" + first.port())
                .replace(EXAMPLE_HUBS.get(1), "127.0.0.1:" + second.port())
                .replace("bind :8443", "bind 127.0.0.1:" + port)
                // Checks every 5 s would make the test wait 15 s for the third failure.
                .replace(" inter 5s ", " inter 500ms ");
        Path example = Files.writeString(folder.resolve("threshold-hub.example"), text);
        Process running = new ProcessBuilder(Proxy.HAPROXY.runInForeground(example, folder))
                .redirectErrorStream(true).redirectOutput(folder.resolve("proxy.log").toFile()).start();
        try {
            awaitListening(port, running, folder.resolve("proxy.log"));
            // The first hub still serves HTTP, but its database is gone: its /health answers 503.
            first.services().close();

            int consecutiveOk = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (consecutiveOk < 8 && System.nanoTime() < deadline) {
                boolean ok;
                try {
                    // A connection closed before any status line (null) is a down hub too.
                    ok = "HTTP/1.1 200 OK".equals(getThroughProxy(port).statusLine());
                } catch (java.io.IOException reset) {
                    // Until the check marks it down, a connection may still go to the hub whose store closed.
                    ok = false;
                }
                consecutiveOk = ok ? consecutiveOk + 1 : 0;
            }
            assertThat(consecutiveOk).as("answers once the first hub was marked down: " + Files.readString(
                    folder.resolve("proxy.log"))).isEqualTo(8);
        } finally {
            first.close();
            second.close();
            running.destroy();
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        }
    }

    static Stream<Proxy> proxies() {
        return Stream.of(Proxy.values());
    }

    /** What a client saw: the SHA-256 of the server's certificate, and the status line of {@code GET /health}. */
    record Answer(String certificateSha256, String statusLine) {
    }

    /** GET /health over TLS through the proxy, recording the certificate presented, as a kiosk's pin check would. */
    private static Answer getThroughProxy(int port) throws Exception {
        X509Certificate[] seen = new X509Certificate[1];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException("client side only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain[0];
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: hub.example.org\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return new Answer(Certificates.fingerprint(seen[0]), status);
        }
    }

    private static void awaitListening(int port, Process proxy, Path log) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!proxy.isAlive()) {
                throw new AssertionError("the proxy stopped: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the proxy did not listen within 10 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 60 s: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
