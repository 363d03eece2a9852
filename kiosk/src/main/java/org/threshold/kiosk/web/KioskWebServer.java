package org.threshold.kiosk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import org.threshold.core.input.StrictJson;

/**
 * The kiosk's HTTP server: the local API and the page, served on loopback. Responses are never
 * cached (Chromium's cache is a file on disk, and API answers hold names), the page may load
 * nothing from elsewhere, be framed by nothing, and use no device feature; cross-site requests are refused.
 */
public final class KioskWebServer {
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' blob:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    private static final String PERMISSIONS_POLICY = "accelerometer=(), bluetooth=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), "
            + "usb=()";
    /** On every answer, Jetty's own errors included. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Frame-Options", "DENY",
            "Permissions-Policy", PERMISSIONS_POLICY);

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
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(json)));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrors(json)));
            config.routes.before(ctx -> {
                SECURITY_HEADERS.forEach(ctx::header);
                CrossSiteGuard.check(ctx);
            });
            groups.forEach(group -> group.addTo(config.routes));
            ApiErrors.register(config.routes);
        }).start(host, port);
    }
}
