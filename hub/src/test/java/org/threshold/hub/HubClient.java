package org.threshold.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.BatchRequestSignature;

/** Talks to a hub over real HTTP, the way a kiosk's sync client and a caseworker's app do. */
final class HubClient {
    static final String BATCHES = "/api/sync/batches";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;
    private final Function<String, SigningKey> kioskKeys;

    /** A response with its body, parsed as JSON when it is JSON. */
    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String reason() {
            return json().path("error").path("reason").asText();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A client that signs batches with no enrolled kiosk's key: the hub takes none of them. */
    HubClient(int port) {
        this(port, Clock.systemUTC(), kioskId -> null);
    }

    /** @param kioskKeys each kiosk's key, for signing its batches as its sync client does; null for a stranger */
    HubClient(int port, Clock clock, Function<String, SigningKey> kioskKeys) {
        this.base = "http://127.0.0.1:" + port;
        this.clock = clock;
        this.kioskKeys = kioskKeys;
    }

    static byte[] batch(String kioskId, List<SignedEvent> events) {
        ObjectNode body = JSON.createObjectNode();
        body.put("kioskId", kioskId);
        ArrayNode encoded = body.putArray("events");
        events.forEach(event -> encoded.add(Base64.getEncoder().encodeToString(event.encode())));
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response sync(String kioskId, List<SignedEvent> events) {
        return postBatch(kioskId, batch(kioskId, events));
    }

    /**
     * POSTs a batch body (as sent: gzip stays gzip) signed by the kiosk as its sync client signs it; declared as
     * JSON unless {@code headers} name another Content-Type.
     */
    Response postBatch(String kioskId, byte[] asSent, String... headers) {
        SigningKey key = kioskKeys.apply(kioskId);
        String[] typed = Arrays.asList(headers).contains("Content-Type") ? headers
                : concat(headers, new String[] {"Content-Type", "application/json"});
        return post(BATCHES, asSent, concat(typed, signatureHeaders(key == null ? SigningKey.generate(RANDOM) : key,
                kioskId, asSent)));
    }

    /** {@link BatchRequestSignature}'s headers for {@code body}, signed now by {@code key}. */
    String[] signatureHeaders(SigningKey key, String kioskId, byte[] body) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String nonceText = Base64.getEncoder().encodeToString(nonce);
        return new String[] {BatchRequestSignature.KIOSK_HEADER, kioskId, BatchRequestSignature.TIME_HEADER,
                at.toString(), BatchRequestSignature.NONCE_HEADER, nonceText, BatchRequestSignature.SIGNATURE_HEADER,
                BatchRequestSignature.sign(key, "POST", BATCHES, kioskId, at, nonceText, body)};
    }

    private static String[] concat(String[] first, String[] second) {
        String[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    Response post(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Any method, with a body (empty for none). */
    Response request(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    Response postForm(String path, String form) {
        return post(path, form.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
    }

    Response get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    Response login(String username, String password) {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
        return post("/api/login", body.toString().getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
    }

    /** A protection officer's session: they may look any household up. */
    String sessionToken() {
        return sessionToken(HubFixture.OFFICER);
    }

    /** The administrator's session: accounts and kiosks, no household data. */
    String adminSessionToken() {
        return sessionToken(HubFixture.ADMIN);
    }

    String sessionToken(String username) {
        Response response = login(username, HubFixture.PASSWORD);
        if (response.status() != 200) {
            throw new IllegalStateException("Sign-in failed: " + response.body());
        }
        return response.json().get("sessionToken").asText();
    }

    Response lookUp(String codeOrQr, String sessionToken) {
        // A path segment, not a form: a space is %20 there, and '+' would stay a '+'.
        return get("/api/tokens/" + URLEncoder.encode(codeOrQr, StandardCharsets.UTF_8).replace("+", "%20"),
                "Authorization", "Bearer " + sessionToken);
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
