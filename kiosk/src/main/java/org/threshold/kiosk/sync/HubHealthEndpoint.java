package org.threshold.kiosk.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.threshold.core.deployment.KioskConfig;

/**
 * The hub's {@code GET /health}: 200 while the hub and its database answer, 503 when its database does not; a hub
 * from before {@code /health} answers 404, which still says it is up (any answer below 500 does). Asked
 * over the kiosk's own client, so over HTTPS only the pinned hub certificate can answer; it carries nothing about
 * the kiosk, costs the hub one query, and writes nothing here, so asking every few seconds is cheap at both ends.
 */
public final class HubHealthEndpoint implements HubProbe {
    /** A hub slower than this to say it is up is as good as down for the operator looking at the screen. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI health;

    public HubHealthEndpoint(KioskConfig config, HttpClient http) {
        this.http = http;
        this.health = URI.create(config.hubAddress("/health"));
    }

    @Override
    public boolean answers() {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
