package org.threshold.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny JSON client over real HTTP for the end-to-end tests. */
final class JsonHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final String baseUrl;
    private String bearer;
    /** The Accept-Language sent, or null for none. */
    private String language;

    JsonHttp(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** Over a client of the test's choosing, e.g. one pinned to the hub's TLS certificate. */
    JsonHttp(String baseUrl, HttpClient client) {
        this.baseUrl = baseUrl;
        this.client = client;
    }

    record Response(int status, JsonNode body) {
    }

    JsonHttp login(String path, String userField, String user, String secretField, String secret) throws Exception {
        Response response = post(path, JSON.createObjectNode().put(userField, user).put(secretField, secret).toString());
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        bearer = response.body().get("sessionToken").asText();
        return this;
    }

    /** The same session, asking for answers in {@code acceptLanguage}. */
    JsonHttp speaking(String acceptLanguage) {
        JsonHttp other = new JsonHttp(baseUrl, client);
        other.bearer = bearer;
        other.language = acceptLanguage;
        return other;
    }

    /** The same session at another address: another hub instance on the same store. */
    JsonHttp at(String otherBaseUrl) {
        JsonHttp other = new JsonHttp(otherBaseUrl, client);
        other.bearer = bearer;
        return other;
    }

    Response post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** An answer that is not JSON (a CSV export), as text. */
    HttpResponse<String> getText(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Response(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
    }
}
