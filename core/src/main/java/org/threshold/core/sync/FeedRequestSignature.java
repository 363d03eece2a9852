package org.threshold.core.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;

/**
 * A kiosk's signature on its request for updates: over its id, the cursor, the time it asked and a random
 * nonce. The hub takes a request only inside a time window and only once per nonce, so a recorded request
 * cannot be replayed to read the feed, and the nonce comes back inside the hub's signed answer, so a
 * recorded answer cannot be replayed to the kiosk.
 */
public final class FeedRequestSignature {
    public static final String TIME_HEADER = "X-Threshold-Time";
    public static final String NONCE_HEADER = "X-Threshold-Nonce";
    public static final String SIGNATURE_HEADER = "X-Threshold-Signature";
    private static final byte[] DOMAIN = "THUQ".getBytes(StandardCharsets.US_ASCII);

    private FeedRequestSignature() {
    }

    public static String sign(SigningKey kioskKey, String kioskId, long since, Instant at, String nonce) {
        return Bytes.base64(kioskKey.sign(signedBytes(kioskId, since, at, nonce)));
    }

    public static boolean verify(VerifyingKey kioskKey, String kioskId, long since, Instant at, String nonce,
                                 String signatureBase64) {
        try {
            return kioskKey.verify(signedBytes(kioskId, since, at, nonce), Bytes.base64(signatureBase64));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] signedBytes(String kioskId, long since, Instant at, String nonce) {
        return new CanonicalWriter(96).raw(DOMAIN).u8(1).shortString(kioskId).i64(since).i64(at.toEpochMilli())
                .shortString(nonce).toByteArray();
    }
}
