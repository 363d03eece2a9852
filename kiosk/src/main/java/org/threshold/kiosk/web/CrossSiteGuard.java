package org.threshold.kiosk.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import org.threshold.core.input.CrossSite;

/**
 * Refuses requests another web site makes the kiosk's browser send. The kiosk serves 127.0.0.1 only, but
 * any page that browser opens could still post to it, so state-changing requests follow {@link CrossSite}'s
 * rule. Every request must also name a loopback host, so a DNS name rebound to 127.0.0.1 cannot make a
 * foreign page same-origin with the kiosk.
 */
final class CrossSiteGuard {
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private CrossSiteGuard() {
    }

    static void check(Context ctx) {
        String host = ctx.header("Host");
        if (host != null && !LOOPBACK_NAMES.contains(hostName(host))) {
            throw new ApiException(421, "MISDIRECTED_REQUEST");
        }
        if (CrossSite.forged(ctx.method().name(), ctx.header("Sec-Fetch-Site"), ctx.header("Origin"),
                "http://" + host)) {
            throw new ApiException(403, "CROSS_SITE_REQUEST");
        }
    }

    private static String hostName(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        int end = name.startsWith("[") ? name.indexOf(']') + 1 : name.lastIndexOf(':');
        return end > 0 ? name.substring(0, end) : name;
    }
}
