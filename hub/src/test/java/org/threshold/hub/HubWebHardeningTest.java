package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
import org.threshold.hub.web.http.ErrorResponses;
import org.threshold.hub.web.http.SecurityHeaders;

/**
 * Issue 13, findings 5 to 7 on the hub: Jetty's own errors in the error shape with the security headers, the
 * connection kept or closed honestly; framing and device features denied on every answer, HSTS under TLS; and
 * the sign-in form and cookie-authenticated forms refused when another site posts them.
 */
class HubWebHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private HubFixture hub;
    private HubClient client;

    @BeforeEach
    void start() {
        hub = HubFixture.start(dataDir);
        client = hub.client();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aPathThatIsNotUtf8GetsTheErrorShapeAndTheConnectionServesTheNextRequest() throws Exception {
        List<RawResponse> responses = exchange("GET /api/%ff HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /%ff HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(responses).hasSize(3);
        assertJsonError(responses.get(0), 400, "BAD_REQUEST");
        assertThat(responses.get(1).status()).isEqualTo(400);
        assertThat(responses.get(1).header("content-type")).startsWith("text/html");
        assertThat(responses.get(1).body()).doesNotContain("%ff").doesNotContain("Jetty");
        assertSecurityHeaders(responses.get(1));
        assertThat(responses.get(2).status()).isEqualTo(200);
    }

    @Test
    void aUriTooLongAndHeadersTooLargeGetTheErrorShapeAndSayTheConnectionCloses() throws Exception {
        RawResponse longUri = exchange("GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .get(0);
        RawResponse bigHeaders = exchange("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: "
                + "b".repeat(20_000) + "\r\n\r\n").get(0);

        assertJsonError(longUri, 414, "URI_TOO_LONG");
        assertThat(longUri.header("connection")).isEqualTo("close");
        assertJsonError(bigHeaders, 431, "HEADERS_TOO_LARGE");
        assertThat(bigHeaders.header("connection")).isEqualTo("close");
    }

    @Test
    void errorsBeforeTheRoutesAnswerInTheCallersLanguage() throws Exception {
        String french = "Host: 127.0.0.1\r\nAccept-Language: fr\r\n";
        RawResponse badUri = exchange("GET /api/%ff HTTP/1.1\r\n" + french + "\r\n").get(0);
        RawResponse badPage = exchange("GET /%ff HTTP/1.1\r\n" + french + "\r\n").get(0);
        // Jetty drops the headers it read of a request whose headers are too large: ?lang= says the language.
        RawResponse bigHeaders = exchange("GET /api/status?lang=fr HTTP/1.1\r\n" + french + "X-Filler: "
                + "b".repeat(20_000) + "\r\n\r\n").get(0);
        RawResponse notGzip = exchange("POST /api/login HTTP/1.1\r\n" + french + "Content-Type: application/json\r\n"
                + "Content-Encoding: gzip\r\nContent-Length: 8\r\n\r\nnot gzip").get(0);
        RawResponse cutShort = exchange("POST /api/login?lang=ar HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"username\"", true).get(0);

        assertJsonError(badUri, 400, "BAD_REQUEST");
        assertThat(message(badUri)).startsWith("La requête n’a pas pu être lue");
        assertThat(badPage.body()).contains("La requête n’a pas pu être lue").contains("lang=\"fr\"");
        assertJsonError(bigHeaders, 431, "HEADERS_TOO_LARGE");
        assertThat(message(bigHeaders)).startsWith("Les en-têtes de la requête sont trop grands");
        assertJsonError(notGzip, 400, "MALFORMED_JSON");
        assertThat(message(notGzip)).startsWith("Le corps n’est pas du gzip valide");
        assertJsonError(cutShort, 400, "MALFORMED_JSON");
        assertThat(message(cutShort)).isEqualTo("تعذّرت قراءة محتوى الطلب كاملاً؛ أرسله مرة أخرى.");
    }

    @Test
    void javalinsOwnRefusalsAnswerInTheCallersLanguageInTheErrorShape() {
        // No hub route lets Javalin refuse a body itself today (they read bodies through RequestBodies), so a route
        // throws what Javalin throws for a body over config.http.maxRequestSize.
        Javalin app = Javalin.create(config -> {
            config.routes.post("/api/upload", ctx -> {
                throw new HttpResponseException(413, "Payload Too Large");
            });
            ErrorResponses.install(config.routes, (status, message, language) -> message);
        }).start("127.0.0.1", 0);
        try {
            HubClient.Response refused = new HubClient(app.port())
                    .post("/api/upload", new byte[1], "Accept-Language", "ar");

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.reason()).isEqualTo("CONTENT_TOO_LARGE");
            assertThat(refused.json().at("/error/message").asText()).isEqualTo("محتوى الطلب أكبر مما يقبله المركز. "
                    + "أرسل محتوى أصغر.");
        } finally {
            app.stop();
        }
    }

    @Test
    void everyAnswerForbidsFramingAndDeviceFeaturesAndHstsComesWithTls() {
        for (String path : new String[] {"/", "/api/status", "/no/such/page", "/api/tokens/ABCD"}) {
            HubClient.Response response = client.get(path);

            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.header("Permissions-Policy")).as(path).contains("camera=()").contains("geolocation=()");
            assertThat(response.header("Strict-Transport-Security")).as("plain HTTP: %s", path).isNull();
        }
        assertThat(SecurityHeaders.headers(true)).containsEntry("Strict-Transport-Security", "max-age=31536000");
    }

    @Test
    void anotherSiteCannotSignSomeoneInOrPostTheirForms() {
        String form = "username=" + HubFixture.ADMIN + "&password=" + HubFixture.PASSWORD.replace(' ', '+');
        String self = "http://127.0.0.1:" + hub.server().port();

        HubClient.Response byOrigin = client.post("/login", form.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/x-www-form-urlencoded", "Origin", "https://evil.example");
        HubClient.Response byFetchMetadata = client.post("/login", form.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Sec-Fetch-Site", "cross-site");
        HubClient.Response logout = client.post("/logout", new byte[0], "Sec-Fetch-Site", "same-site");
        HubClient.Response apiLogin = client.post("/api/login", ("{\"username\":\"" + HubFixture.ADMIN
                + "\",\"password\":\"" + HubFixture.PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Origin", "https://evil.example");
        HubClient.Response own = client.post("/login", form.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/x-www-form-urlencoded", "Origin", self, "Sec-Fetch-Site", "same-origin");

        for (HubClient.Response refused : List.of(byOrigin, byFetchMetadata, logout)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.header("Set-Cookie")).as("no session for a forged sign-in").isNull();
        }
        assertThat(apiLogin.status()).isEqualTo(403);
        assertThat(apiLogin.reason()).isEqualTo("CROSS_SITE_REQUEST");
        assertThat(own.status()).isEqualTo(303);
        assertThat(own.header("Set-Cookie")).contains("SameSite=Strict");
    }

    private static void assertJsonError(RawResponse response, int status, String reason) throws IOException {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").path("reason").asText()).isEqualTo(reason);
        assertThat(body.path("error").path("message").asText()).isNotBlank();
        assertSecurityHeaders(response);
    }

    private static void assertSecurityHeaders(RawResponse response) {
        assertThat(response.header("x-frame-options")).isEqualTo("DENY");
        assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(response.header("cache-control")).isEqualTo("no-store");
        assertThat(response.header("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(response.header("permissions-policy")).contains("camera=()");
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private static String message(RawResponse response) throws IOException {
        return JSON.readTree(response.body()).path("error").path("message").asText();
    }

    /** Writes raw bytes on one connection and reads every response until the server closes it or falls silent. */
    private List<RawResponse> exchange(String requests) throws IOException {
        return exchange(requests, false);
    }

    /** @param thenClose whether to close the sending side after the bytes, cutting short a body still expected */
    private List<RawResponse> exchange(String requests, boolean thenClose) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", hub.server().port())) {
            socket.setSoTimeout(3_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            if (thenClose) {
                socket.shutdownOutput();
            }
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
