package org.threshold.core.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.input.StrictJson;

/**
 * A page of the hub's update feed for one kiosk, as the hub signed it. The hub signs the exact bytes of the
 * page's JSON ({@code payload}), not a re-serialisation, so the kiosk verifies before it parses anything.
 * Wire form: {@code {"payload":"<base64 JSON>","signatureBase64":"..."}}.
 */
public record SignedFeed(String payload, String signatureBase64) {
    private static final byte[] DOMAIN = "THUP".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = StrictJson.builder().findAndAddModules().build();

    /** One update and its position in the feed. */
    public record Entry(long position, FeedUpdate update) {
    }

    /**
     * The page: {@code updates} with positions after {@code since}, for {@code kioskId}; {@code next} is the
     * cursor to ask from next time; {@code nonce} echoes the request's.
     */
    public record Page(String kioskId, long since, long next, String nonce, long hubTimeMillis, List<Entry> updates) {
        public Page {
            updates = List.copyOf(updates);
        }

        public Instant hubTime() {
            return Instant.ofEpochMilli(hubTimeMillis);
        }
    }

    public static SignedFeed sign(Page page, SigningKey hubKey) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A feed page always serialises", e);
        }
        return signPayload(bytes, hubKey);
    }

    /** Signs page bytes as they are; {@link #sign} is the way to make them, this the way to sign them. */
    public static SignedFeed signPayload(byte[] payload, SigningKey hubKey) {
        return new SignedFeed(Bytes.base64(payload), Bytes.base64(hubKey.sign(signedBytes(payload))));
    }

    /**
     * The page, if and only if the hub's identity key signed these exact bytes.
     *
     * @throws FeedRejectedException if the signature does not verify or the verified bytes are not a page
     */
    public Page open(VerifyingKey hubKey) {
        byte[] bytes;
        boolean valid;
        try {
            bytes = Bytes.base64(payload);
            valid = hubKey.verify(signedBytes(bytes), Bytes.base64(signatureBase64));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new FeedRejectedException("WRONG_HUB_KEY", "The update feed is not Base64-signed data");
        }
        if (!valid) {
            throw new FeedRejectedException("WRONG_HUB_KEY", "The update feed is not signed by the hub this kiosk "
                    + "was enrolled with (key " + hubKey.fingerprint() + "); nothing from it was applied");
        }
        try {
            return JSON.readValue(bytes, Page.class);
        } catch (IOException e) {
            throw new FeedRejectedException("MALFORMED_FEED", "The hub signed a feed page this kiosk cannot read ("
                    + e.getClass().getSimpleName() + "); is the kiosk older than the hub? Nothing was applied");
        }
    }

    private static byte[] signedBytes(byte[] payload) {
        return new CanonicalWriter(payload.length + 16).raw(DOMAIN).u8(1).bytes(payload).toByteArray();
    }
}
