package org.threshold.hub.web.feed;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.web.access.Access;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.event.KioskId;
import org.threshold.core.sync.FeedRequestSignature;
import org.threshold.core.sync.SignedFeed;
import org.threshold.hub.app.feed.UpdateFeed;
import org.threshold.hub.app.kiosk.Kiosk;
import org.threshold.hub.app.kiosk.KioskDirectory;
import org.threshold.hub.web.http.ApiException;

/**
 * {@code GET /api/sync/updates?kioskId=K&since=N}: the kiosk's updates after cursor {@code N}, signed by the hub.
 * The request carries the kiosk's signature ({@link FeedRequestSignature}) over its id, the cursor, the time and a
 * nonce; the hub answers only within {@link #WINDOW} of its own clock and once per nonce. A revoked kiosk is
 * still served: its feed is how it hears the order to wipe itself. Thread-safe.
 */
public final class UpdateFeedApi {
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final UpdateFeed feed;
    private final KioskDirectory kiosks;
    private final SigningKey hubIdentity;
    private final Clock clock;

    public UpdateFeedApi(UpdateFeed feed, KioskDirectory kiosks, SigningKey hubIdentity, Clock clock) {
        this.feed = feed;
        this.kiosks = kiosks;
        this.hubIdentity = hubIdentity;
        this.clock = clock;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/sync/updates", this::updates, Access.KIOSK);
    }

    private void updates(Context ctx) {
        String kioskId = ctx.queryParam("kioskId");
        if (kioskId == null || !KioskId.isValid(kioskId)) {
            throw new ApiException(400, "MALFORMED_REQUEST", "Name the kiosk: GET /api/sync/updates?kioskId=KIOSK-01"
                    + "&since=0.");
        }
        long since = since(ctx.queryParam("since"));
        Kiosk kiosk = kiosks.find(kioskId).orElseThrow(() -> new ApiException(401, "UNKNOWN_KIOSK",
                "Kiosk " + kioskId + " is not enrolled with this hub."));
        Instant at = requestTime(ctx.header(FeedRequestSignature.TIME_HEADER));
        String nonce = ctx.header(FeedRequestSignature.NONCE_HEADER);
        String signature = ctx.header(FeedRequestSignature.SIGNATURE_HEADER);
        if (nonce == null || nonce.length() < 16 || nonce.length() > 64 || signature == null
                || !FeedRequestSignature.verify(kiosk.verifyingKey(), kioskId, since, at, nonce, signature)) {
            throw new ApiException(401, "BAD_REQUEST_SIGNATURE", "The request for updates is not signed with kiosk "
                    + kioskId + "'s key. Send " + FeedRequestSignature.TIME_HEADER + ", "
                    + FeedRequestSignature.NONCE_HEADER + " and " + FeedRequestSignature.SIGNATURE_HEADER + ".");
        }
        Instant now = clock.instant();
        if (Duration.between(at, now).abs().compareTo(WINDOW) > 0) {
            throw new ApiException(401, "STALE_REQUEST", "The request was signed at " + at + " but the hub's time is "
                    + now + "; a request is taken within " + WINDOW.toMinutes() + " minutes. Set the kiosk's clock.");
        }
        if (!feed.rememberNonce(nonce, at.plus(WINDOW).plus(WINDOW))) {
            throw new ApiException(409, "REPLAYED_REQUEST", "This request was already answered; sign a new one with a "
                    + "fresh nonce.");
        }
        ctx.json(SignedFeed.sign(feed.page(kioskId, since, nonce), hubIdentity));
    }

    private static long since(String text) {
        try {
            long since = text == null ? 0 : Long.parseLong(text);
            if (since >= 0) {
                return since;
            }
        } catch (NumberFormatException ignored) {
            // Falls through to the answer below.
        }
        throw new ApiException(400, "MALFORMED_REQUEST", "\"since\" is the cursor from the last page's \"next\", a "
                + "whole number from 0.");
    }

    private static Instant requestTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ApiException(401, "BAD_REQUEST_SIGNATURE", "Send the time the request was signed in "
                    + FeedRequestSignature.TIME_HEADER + " as ISO-8601, e.g. 2026-11-24T10:00:00Z.");
        }
    }
}
