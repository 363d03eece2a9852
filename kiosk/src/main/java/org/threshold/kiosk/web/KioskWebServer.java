package org.threshold.kiosk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.threshold.core.input.StrictJson;

/**
 * The kiosk's HTTP server: the local API and the page, served on loopback. Responses are never
 * cached (Chromium's cache is a file on disk, and API answers hold names) and the page may load
 * nothing from elsewhere.
 */
public final class KioskWebServer {
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' blob:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private KioskWebServer() {
    }

    /** The JSON settings of every request and response body: read strictly, ISO-8601 times. */
    public static ObjectMapper json() {
        return StrictJson.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    public static Javalin start(String host, int port, ObjectMapper json, List<RouteGroup> groups) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.routes.before(ctx -> {
                ctx.header("Cache-Control", "no-store");
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            });
            groups.forEach(group -> group.addTo(config.routes));
            ApiErrors.register(config.routes);
        }).start(host, port);
    }
}
