package org.threshold.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Drives a running kiosk over real HTTP, the way its page does. */
public final class KioskClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private String sessionToken;
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();

    public KioskClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Reply(int status, JsonNode body, HttpHeaders headers, byte[] raw) {
        public String reason() {
            return body.path("error").path("reason").asText(null);
        }
    }

    /** Unlocks and keeps the session token for the following requests. */
    public Reply unlock(String operator, String passphrase) throws IOException, InterruptedException {
        Reply reply = post("/api/session", Map.of("operator", operator, "passphrase", passphrase));
        if (reply.status() == 200) {
            sessionToken = reply.body().path("sessionToken").asText();
        }
        return reply;
    }

    public void useSessionToken(String token) {
        sessionToken = token;
    }

    public static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends {@code name: value} with every following request; a null value stops sending it. */
    public KioskClient header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public String sessionToken() {
        return sessionToken;
    }

    public void forgetSession() {
        sessionToken = null;
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public Reply delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    public Reply post(String path, Object body) throws IOException, InterruptedException {
        return postRaw(path, JSON.writeValueAsBytes(body));
    }

    /** A JSON body sent with another method (PUT). */
    public Reply postWithMethod(String method, String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    public Reply postRaw(String path, byte[] body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (sessionToken != null) {
            builder.header("Authorization", "Bearer " + sessionToken);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] raw = response.body();
        JsonNode body = MissingNode.getInstance();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (raw.length > 0 && type.startsWith("application/json")) {
            body = JSON.readTree(raw);
        }
        return new Reply(response.statusCode(), body, response.headers(), raw);
    }
}
