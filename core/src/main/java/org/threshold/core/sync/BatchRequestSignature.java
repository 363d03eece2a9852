package org.threshold.core.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;

/**
 * A kiosk's signature on a batch it sends: over the method, the path, its id, the time, a random nonce and the
 * SHA-256 of the body exactly as sent (gzip included). The hub checks the headers before it reads the body and
 * the signature before it takes the batch on, so nobody without the kiosk's key can occupy the hub's ingest,
 * record incidents in the kiosk's name, make it look alive or read its acknowledged head. Time window and nonce
 * work as for {@link FeedRequestSignature}, whose headers it shares; the kiosk is named in {@link #KIOSK_HEADER}
 * because the hub must know whose key to check before it reads a byte of the body.
 */
public final class BatchRequestSignature {
    public static final String KIOSK_HEADER = "X-Threshold-Kiosk";
    public static final String TIME_HEADER = FeedRequestSignature.TIME_HEADER;
    public static final String NONCE_HEADER = FeedRequestSignature.NONCE_HEADER;
    public static final String SIGNATURE_HEADER = FeedRequestSignature.SIGNATURE_HEADER;
    private static final byte[] DOMAIN = "THBQ".getBytes(StandardCharsets.US_ASCII);

    private BatchRequestSignature() {
    }

    public static String sign(SigningKey kioskKey, String method, String path, String kioskId, Instant at, String nonce,
                              byte[] body) {
        return Bytes.base64(kioskKey.sign(signedBytes(method, path, kioskId, at, nonce, Bytes.sha256(body))));
    }

    /** False for a wrong or malformed signature, never an exception. */
    public static boolean verify(VerifyingKey kioskKey, String method, String path, String kioskId, Instant at,
                                 String nonce, byte[] body, String signatureBase64) {
        try {
            return kioskKey.verify(signedBytes(method, path, kioskId, at, nonce, Bytes.sha256(body)),
                    Bytes.base64(signatureBase64));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] signedBytes(String method, String path, String kioskId, Instant at, String nonce,
                                      byte[] bodySha256) {
        return new CanonicalWriter(192).raw(DOMAIN).u8(1).shortString(method).shortString(path).shortString(kioskId)
                .i64(at.toEpochMilli()).shortString(nonce).raw(bodySha256).toByteArray();
    }
}
