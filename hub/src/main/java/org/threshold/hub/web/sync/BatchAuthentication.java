package org.threshold.hub.web.sync;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;
import org.threshold.core.event.KioskId;
import org.threshold.core.sync.BatchRequestSignature;
import org.threshold.hub.app.kiosk.Kiosk;
import org.threshold.hub.app.kiosk.KioskDirectory;
import org.threshold.hub.web.http.ApiException;

/**
 * Who sent a batch, established before the hub spends an ingest permit on it ({@link BatchRequestSignature}).
 * In two steps: {@link #claim} checks the headers before a byte of the body is read (an enrolled kiosk, a time
 * inside {@link #WINDOW}, a nonce, a signature), {@link #verify} checks the signature over the body read. The nonce
 * is remembered in the batch's own transaction ({@link #forgetAfter}), so the same request is taken once, by any hub
 * instance; a replay is counted here through {@link #replayed}. Every refusal here is counted
 * ({@link #rejected}), apart from the kiosks' incidents: it says nothing about a kiosk, since anyone can send it.
 * Thread-safe.
 */
public final class BatchAuthentication {
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** What the headers claim, not yet checked against the body. */
    record Claim(Kiosk kiosk, Instant at, String nonce, String signature) {
    }

    private final KioskDirectory kiosks;
    private final Clock clock;
    private final AtomicLong rejected = new AtomicLong();

    BatchAuthentication(KioskDirectory kiosks, Clock clock) {
        this.kiosks = kiosks;
        this.clock = clock;
    }

    /** @throws ApiException 401 {@code BAD_REQUEST_SIGNATURE}, {@code UNKNOWN_KIOSK} or {@code STALE_REQUEST} */
    Claim claim(Context ctx) {
        String kioskId = ctx.header(BatchRequestSignature.KIOSK_HEADER);
        String nonce = ctx.header(BatchRequestSignature.NONCE_HEADER);
        String signature = ctx.header(BatchRequestSignature.SIGNATURE_HEADER);
        Instant at = time(ctx.header(BatchRequestSignature.TIME_HEADER));
        if (kioskId == null || !KioskId.isValid(kioskId) || at == null || nonce == null || nonce.length() < 16
                || nonce.length() > 64 || signature == null || signature.length() > 128) {
            throw refuse(401, "BAD_REQUEST_SIGNATURE", "A batch must be signed with the kiosk's key: send "
                    + BatchRequestSignature.KIOSK_HEADER + ", " + BatchRequestSignature.TIME_HEADER + " (ISO-8601), "
                    + BatchRequestSignature.NONCE_HEADER + " and " + BatchRequestSignature.SIGNATURE_HEADER
                    + " (see docs/api.md). Nothing was stored.");
        }
        Kiosk kiosk = kiosks.find(kioskId).orElseThrow(() -> refuse(401, "UNKNOWN_KIOSK",
                "Kiosk " + kioskId + " is not enrolled with this hub. Enroll it with `provision kiosk add`, or check "
                        + "the kiosk id in the kiosk's kiosk.json."));
        Instant now = clock.instant();
        if (Duration.between(at, now).abs().compareTo(WINDOW) > 0) {
            throw refuse(401, "STALE_REQUEST", "The batch was signed at " + at + " but the hub's time is " + now
                    + "; a batch is taken within " + WINDOW.toMinutes() + " minutes. Set the kiosk's clock.");
        }
        return new Claim(kiosk, at, nonce, signature);
    }

    /** @throws ApiException 401 {@code BAD_REQUEST_SIGNATURE} */
    void verify(Context ctx, Claim claim, byte[] bodyAsSent) {
        if (!BatchRequestSignature.verify(claim.kiosk().verifyingKey(), ctx.method().name(), ctx.path(),
                claim.kiosk().kioskId(), claim.at(), claim.nonce(), bodyAsSent, claim.signature())) {
            throw refuse(401, "BAD_REQUEST_SIGNATURE", "The batch is not signed with kiosk "
                    + claim.kiosk().kioskId() + "'s key. Nothing was stored.");
        }
    }

    /** Until when a claim's nonce must be remembered: past the window in which its time is accepted. */
    static Instant forgetAfter(Claim claim) {
        return claim.at().plus(WINDOW).plus(WINDOW);
    }

    /** Counts a verified request whose nonce was already taken: a replay, refused by the store. */
    void replayed() {
        rejected.incrementAndGet();
    }

    /** How many batches this instance refused as not (or not provably) from an enrolled kiosk since it started. */
    long rejected() {
        return rejected.get();
    }

    private ApiException refuse(int status, String reason, String message) {
        rejected.incrementAndGet();
        return new ApiException(status, reason, message);
    }

    private static Instant time(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
