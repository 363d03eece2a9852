package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.testing.QuickArgon2;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/** A hub that works on one read at a time: the others queue, and what never waits does not. */
class ReadAdmissionHubTest {
    @TempDir
    Path dataDir;

    @Test
    void withOneReadAtATimeEveryReadIsAnsweredAndAnOpenEventStreamHoldsNoPlace() throws Exception {
        HubFixture.start(dataDir).stopHub();
        try (HubServer hub = HubServer.start(HubSettings.of(dataDir).withPasswordCost(QuickArgon2.COST)
                .withConcurrentReads(1))) {
            hub.services().accounts().add("cw-health", HubFixture.PASSWORD.toCharArray(),
                    new Accounts.Grant(Role.CASEWORKER, "Health NGO", Set.of("health")));
            String base = "http://127.0.0.1:" + hub.port();
            HttpClient http = HttpClient.newHttpClient();
            String token = signIn(http, base);
            String cookie = "threshold_session=" + token;
            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/queue/events?service=health")).header("Cookie", cookie).header("Accept", "text/event-stream")
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);

            // Were the stream holding the one place, these would wait 30 s and be refused.
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/queue?service=health"))
                        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()));
                reads.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/referrals"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> read : reads) {
                assertThat(read.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(signIn(http, base)).isNotEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            stream.body().close();
        }
    }

    private static String signIn(HttpClient http, String base) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"cw-health\",\"password\":\"" + HubFixture.PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String body = login.body();
        int start = body.indexOf("\"sessionToken\":\"") + "\"sessionToken\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }
}
