package org.threshold.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.testing.TestClock;
import org.threshold.kiosk.KioskApp;
import org.threshold.kiosk.KioskClient;
import org.threshold.kiosk.KioskSettings;
import org.threshold.kiosk.TestDeployment;

/**
 * The kiosk's web layer as a hostile page or client meets it: Jetty's own errors in the JSON shape with the
 * security headers, connections kept or closed honestly, framing and device features denied, cross-site and
 * rebound requests refused, and the demo tamper switch behind an unlocked shift.
 */
class WebHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private KioskApp kiosk;
    private KioskClient client;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, null, true, new TestClock(), null));
        client = new KioskClient(kiosk.port());
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void aPathThatIsNotUtf8GetsTheJsonErrorAndTheConnectionServesTheNextRequest() throws Exception {
        List<RawResponse> responses = exchange("GET /%ff HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /api/needs HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(responses).hasSize(2);
        assertJsonError(responses.get(0), 400, "BAD_REQUEST");
        assertThat(responses.get(0).body()).doesNotContain("%ff").doesNotContain("<html");
        assertThat(responses.get(1).status()).isEqualTo(200);
    }

    @Test
    void jettysOwnErrorsSpeakTheLanguageOfAcceptLanguage() throws Exception {
        List<RawResponse> responses = exchange("GET /%ff HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: fr\r\n\r\n"
                + "GET /%ff HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: ar\r\n\r\n");

        assertJsonError(responses.get(0), 400, "BAD_REQUEST");
        assertThat(JSON.readTree(responses.get(0).body()).path("error").path("message").asText())
                .startsWith("La requête n'a pas pu être lue");
        assertThat(JSON.readTree(responses.get(1).body()).path("error").path("message").asText())
                .startsWith("تعذّرت قراءة الطلب");
    }

    @Test
    void aUriTooLongGetsTheJsonErrorAndSaysTheConnectionCloses() throws Exception {
        List<RawResponse> responses = exchange("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /api/needs HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertJsonError(responses.get(0), 414, "URI_TOO_LONG");
        assertThat(responses.get(0).header("connection")).isEqualTo("close");
    }

    @Test
    void headersTooLargeGetTheJsonErrorAndSayTheConnectionCloses() throws Exception {
        List<RawResponse> responses = exchange("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: "
                + "b".repeat(20_000) + "\r\n\r\n");

        assertJsonError(responses.get(0), 431, "HEADERS_TOO_LARGE");
        assertThat(responses.get(0).header("connection")).isEqualTo("close");
    }

    @Test
    void malformedHttpGetsTheJsonError() throws Exception {
        List<RawResponse> responses = exchange("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n");

        assertJsonError(responses.get(0), 400, "BAD_REQUEST");
        assertThat(responses.get(0).header("connection")).isEqualTo("close");
    }

    @Test
    void everyAnswerForbidsFramingAndDeviceFeatures() throws Exception {
        for (String path : new String[] {"/", "/api/status", "/no/such/page", "/api/households/ABCD"}) {
            HttpResponse<String> response = get(path, Map.of());

            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Permissions-Policy").orElse("")).as(path)
                    .contains("camera=()").contains("microphone=()").contains("geolocation=()");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void aCrossSiteFormPostCannotDestroyTheKeys() throws Exception {
        HttpResponse<String> response = post("/api/demo/tamper", Map.of("Sec-Fetch-Site", "cross-site",
                "Origin", "https://evil.example", "Content-Type", "application/x-www-form-urlencoded"), "a=1");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).path("error").path("reason").asText()).isEqualTo("CROSS_SITE_REQUEST");
        assertKeysAvailable();
    }

    @Test
    void theDemoTamperSwitchNeedsAnUnlockedShift() throws Exception {
        assertThat(client.post("/api/demo/tamper", Map.of()).status()).isEqualTo(401);
        assertKeysAvailable();

        client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
        assertThat(client.post("/api/demo/tamper", Map.of()).status()).isEqualTo(204);
        assertThat(client.get("/api/status").body().path("localKeys").path("state").asText()).isEqualTo("DESTROYED");
    }

    @Test
    void stateChangingRequestsFromAnotherSiteAreRefused() throws Exception {
        String unlock = "{\"operator\":\"" + TestDeployment.OPERATOR + "\",\"passphrase\":\""
                + TestDeployment.PASSPHRASE + "\"}";
        Map<String, String> json = Map.of("Content-Type", "application/json");

        assertThat(post("/api/session", with(json, "Sec-Fetch-Site", "cross-site"), unlock).statusCode()).isEqualTo(403);
        assertThat(post("/api/session", with(json, "Sec-Fetch-Site", "same-site"), unlock).statusCode()).isEqualTo(403);
        assertThat(post("/api/sync", Map.of("Origin", "http://evil.example"), "").statusCode()).isEqualTo(403);
        assertThat(post("/api/session", with(json, "Origin", "null"), unlock).statusCode()).isEqualTo(403);
    }

    @Test
    void theKiosksOwnPageAndNonBrowserClientsStillChangeState() throws Exception {
        String unlock = "{\"operator\":\"" + TestDeployment.OPERATOR + "\",\"passphrase\":\""
                + TestDeployment.PASSPHRASE + "\"}";
        String self = "http://127.0.0.1:" + kiosk.port();

        assertThat(post("/api/session", Map.of("Content-Type", "application/json", "Sec-Fetch-Site", "same-origin",
                "Origin", self), unlock).statusCode()).isEqualTo(200);
        assertThat(post("/api/session", Map.of("Content-Type", "application/json", "Origin", self), unlock)
                .statusCode()).isEqualTo(200);
        assertThat(post("/api/session", Map.of("Content-Type", "application/json"), unlock).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aForeignHostNameIsRefusedSoDnsRebindingReadsNothing() throws Exception {
        List<RawResponse> responses = exchange("GET /api/status HTTP/1.1\r\nHost: rebind.example:" + kiosk.port()
                + "\r\n\r\nGET /api/status HTTP/1.1\r\nHost: localhost:" + kiosk.port() + "\r\n\r\n");

        assertJsonError(responses.get(0), 421, "MISDIRECTED_REQUEST");
        assertThat(responses.get(0).body()).doesNotContain(TestDeployment.KIOSK_ID);
        assertThat(responses.get(1).status()).isEqualTo(200);
    }

    private void assertKeysAvailable() throws Exception {
        assertThat(client.get("/api/status").body().path("localKeys").path("state").asText()).isEqualTo("AVAILABLE");
    }

    private static void assertJsonError(RawResponse response, int status, String reason) throws IOException {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").path("reason").asText()).isEqualTo(reason);
        assertThat(body.path("error").path("message").asText()).isNotBlank();
        assertThat(response.header("x-frame-options")).isEqualTo("DENY");
        assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(response.header("cache-control")).isEqualTo("no-store");
        assertThat(response.header("content-security-policy")).contains("default-src 'self'");
        assertThat(response.header("permissions-policy")).contains("camera=()");
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kiosk.port() + path));
        headers.forEach(request::header);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kiosk.port() + path));
        headers.forEach(request::header);
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** Writes raw bytes on one connection and reads every response until the server closes it or falls silent. */
    private List<RawResponse> exchange(String requests) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", kiosk.port())) {
            socket.setSoTimeout(3_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            List<RawResponse> responses = new ArrayList<>();
            try {
                RawResponse response;
                while ((response = read(in)) != null) {
                    responses.add(response);
                }
            } catch (SocketTimeoutException silent) {
                // The server kept the connection open and has nothing more to say.
            }
            return responses;
        }
    }

    private static RawResponse read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
