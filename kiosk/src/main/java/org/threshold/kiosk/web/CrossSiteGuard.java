package org.threshold.kiosk.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests another web site makes the kiosk's browser send. The kiosk serves 127.0.0.1 only, but
 * any page that browser opens could still post to it: a state-changing request (anything but GET, HEAD and
 * OPTIONS) from a browser must be same-origin by its Fetch Metadata ({@code Sec-Fetch-Site}) or, from a
 * browser without it, by its {@code Origin}. Clients that send neither (scripts, curl) are not browsers and
 * carry no one's ambient credentials. Every request must also name a loopback host, so a DNS name rebound to
 * 127.0.0.1 cannot make a foreign page same-origin with the kiosk.
 */
final class CrossSiteGuard {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    private CrossSiteGuard() {
    }

    static void check(Context ctx) {
        String host = ctx.header("Host");
        if (host != null && !LOOPBACK_NAMES.contains(hostName(host))) {
            throw new ApiException(421, "MISDIRECTED_REQUEST");
        }
        if (SAFE_METHODS.contains(ctx.method().name())) {
            return;
        }
        String fetchSite = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        boolean crossSite = fetchSite != null ? !SAME_SITE_FETCHES.contains(fetchSite.toLowerCase(Locale.ROOT))
                : origin != null && !origin.equalsIgnoreCase("http://" + host);
        if (crossSite) {
            throw new ApiException(403, "CROSS_SITE_REQUEST");
        }
    }

    private static String hostName(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        int end = name.startsWith("[") ? name.indexOf(']') + 1 : name.lastIndexOf(':');
        return end > 0 ? name.substring(0, end) : name;
    }
}
