package org.threshold.core.input;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a browser sent a state-changing request on another site's behalf: the one rule the kiosk and the hub
 * share against cross-site request forgery, login CSRF included. Anything but GET, HEAD and OPTIONS must be
 * same-origin by its Fetch Metadata ({@code Sec-Fetch-Site}) or, from a browser without it, by its
 * {@code Origin}. A client that sends neither (a script, curl, a kiosk's sync client) is not a browser and
 * carries no one's ambient credentials.
 */
public final class CrossSite {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    private CrossSite() {
    }

    /**
     * @param fetchSite the {@code Sec-Fetch-Site} header, or null
     * @param origin    the {@code Origin} header, or null
     * @param ownOrigin this server's origin as the browser addressed it, e.g. {@code https://hub.example:8443}
     */
    public static boolean forged(String method, String fetchSite, String origin, String ownOrigin) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return false;
        }
        if (fetchSite != null) {
            return !SAME_SITE_FETCHES.contains(fetchSite.toLowerCase(Locale.ROOT));
        }
        return origin != null && !origin.equalsIgnoreCase(ownOrigin);
    }
}
