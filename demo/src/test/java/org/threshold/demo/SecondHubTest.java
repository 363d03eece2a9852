package org.threshold.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.testing.TestPostgres;

/**
 * The demo's contract with outside checks: beside {@code demo --data DIR --db URL}, a second hub started with
 * {@code java -jar hub/target/threshold-hub-VERSION.jar --data DIR/hub --db URL --host 127.0.0.1 --port P} serves
 * the same households and accepts the same session tokens; the demo's READY line is as it always was.
 */
class SecondHubTest {
    // Arrived four days ago, by the kiosk's clock: a fixed date fails the one-year plausibility rule one day.
    private static final String HOUSEHOLD = """
            {"arrivalDate":"%s","origin":{"country":"SYR","place":"Aleppo"},"languages":["ar"],
             "consent":{"registration":true,"referral":true},
             "members":[{"givenName":"نورهان","familyName":"الزعبي","sex":"F","birthDate":"1990-03-01",
                         "birthDateEstimated":false,"nationality":"SYR","relationship":"FOCAL_POINT","needs":[]}]}"""
            .formatted(LocalDate.now().minusDays(4));

    @TempDir
    Path data;

    @Test
    void aSecondHubOnTheDemosDatabaseServesTheSameHouseholdsToTheSameSession() throws Exception {
        String url = TestPostgres.newDatabaseUrl();
        try (RunningDemo demo = RunningDemo.start(data, 0, 0, DatabaseSettings.of(url, null))) {
            assertThat(demo.readyLine()).matches("READY kiosk=http://127\\.0\\.0\\.1:\\d+ hub=http://127\\.0\\.0\\.1:\\d+ "
                    + "data=.*");
            JsonHttp kiosk = new JsonHttp(demo.kioskUrl())
                    .login("/api/session", "operator", RunningDemo.OPERATOR, "passphrase", RunningDemo.OPERATOR_PASSPHRASE);
            JsonHttp.Response registered = kiosk.post("/api/households", HOUSEHOLD);
            assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
            String code = registered.body().at("/token/code").asText();
            assertThat(kiosk.post("/api/sync", "{}").status()).isEqualTo(200);
            JsonHttp first = new JsonHttp(demo.hubUrl())
                    .login("/api/login", "username", RunningDemo.PROTECTION_OFFICER, "password", RunningDemo.ADMIN_PASSWORD);
            assertThat(first.get("/api/tokens/" + code).status()).isEqualTo(200);

            int port = freePort();
            Process second = startSecondHub(url, port);
            try {
                JsonHttp other = first.at("http://127.0.0.1:" + port);
                JsonHttp.Response found = other.get("/api/tokens/" + code);
                assertThat(found.status()).as(String.valueOf(found.body())).isEqualTo(200);
                assertThat(found.body().at("/household/members/0/givenName").asText()).isEqualTo("نورهان");
                assertThat(other.get("/api/status").body().at("/store/database").asText()).isEqualTo("postgresql");
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    /** The hub's own jar when the build packaged it (as `mvn verify` does), else its main class on this class path. */
    private Process startSecondHub(String url, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        Path target = Path.of("..", "hub", "target");
        Path jar = null;
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jar = files.filter(file -> file.getFileName().toString().matches("threshold-hub-[^-]+(-SNAPSHOT)?\\.jar"))
                        .findFirst().orElse(null);
            }
        }
        if (jar != null && Files.isDirectory(target.resolve("lib"))) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.threshold.hub.HubMain"));
        }
        command.addAll(List.of("--data", data.resolve("hub").toString(), "--db", url, "--host", "127.0.0.1", "--port",
                Integer.toString(port)));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(data.resolve("second-hub.log").toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("HUB ")) {
                return process;
            }
        }
        throw new AssertionError("The second hub did not start; see second-hub.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
