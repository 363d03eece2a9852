package org.threshold.hub.web.http;

import io.javalin.config.RoutesConfig;

/**
 * Headers on every answer: nothing is cached (answers carry personal data), no page may be framed or load
 * anything from elsewhere, and no token code in a URL leaks through a Referer.
 */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    public static void install(RoutesConfig routes) {
        routes.before(ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        });
    }
}
