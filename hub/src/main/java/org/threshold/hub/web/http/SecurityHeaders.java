package org.threshold.hub.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.threshold.core.input.CrossSite;

/**
 * Headers on every answer, Jetty's own errors included ({@link JettyErrors}): nothing is cached (answers carry
 * personal data), no page may be framed, load anything from elsewhere (or run inline script) or use a device feature, no token code in a
 * URL leaks through a Referer, and under TLS the browser is told to come back only over HTTPS (HSTS). Also refuses
 * state-changing requests a browser sends on another site's behalf ({@link CrossSite}): the sign-in form (login
 * CSRF) and every cookie-authenticated form; Bearer and kiosk clients send no Fetch Metadata and pass.
 */
public final class SecurityHeaders {
    private static final String PERMISSIONS_POLICY = "accelerometer=(), bluetooth=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), "
            + "usb=()";

    private SecurityHeaders() {
    }

    /** @param tls whether the hub serves HTTPS, which HSTS needs (a browser ignores it over plain HTTP) */
    public static Map<String, String> headers(boolean tls) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Permissions-Policy", PERMISSIONS_POLICY);
        // Scripts and styles from the hub's own /assets/ only (no inline script, no eval); connect-src for the
        // pages' htmx requests and server-sent events.
        headers.put("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        if (tls) {
            headers.put("Strict-Transport-Security", "max-age=31536000");
        }
        return Map.copyOf(headers);
    }

    public static void install(RoutesConfig routes, boolean tls) {
        Map<String, String> headers = headers(tls);
        routes.before(ctx -> {
            headers.forEach(ctx::header);
            // A GET is never forged (CrossSite's rule); most requests are, and need not have their origin built.
            if (ctx.method() != HandlerType.GET && CrossSite.forged(ctx.method().name(), ctx.header("Sec-Fetch-Site"),
                    ctx.header("Origin"), ctx.scheme() + "://" + ctx.host())) {
                throw new ApiException(403, "CROSS_SITE_REQUEST", Map.of());
            }
        });
    }
}
