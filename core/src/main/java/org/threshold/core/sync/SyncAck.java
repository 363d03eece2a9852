package org.threshold.core.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.KioskId;

/**
 * The hub's signed word that it durably holds a kiosk's chain up to {@code sequence}, whose event has
 * hash {@code hash}. Only this lets a kiosk mark events as synced: an unsigned "OK" from a proxy or
 * an impostor must never cause a kiosk to forget anything.
 */
public record SyncAck(String kioskId, long sequence, String hashBase64, Instant hubTime, String signatureBase64) {
    private static final byte[] DOMAIN = "THAK".getBytes(StandardCharsets.US_ASCII);

    public SyncAck {
        KioskId.requireValid(kioskId);
    }

    public static SyncAck sign(String kioskId, long sequence, byte[] hash, Instant hubTime, SigningKey hubKey) {
        byte[] signature = hubKey.sign(signedBytes(kioskId, sequence, hash, hubTime));
        return new SyncAck(kioskId, sequence, Bytes.base64(hash), hubTime, Bytes.base64(signature));
    }

    public boolean signedBy(VerifyingKey hubKey) {
        try {
            return hubKey.verify(signedBytes(kioskId, sequence, Bytes.base64(hashBase64), hubTime),
                    Bytes.base64(signatureBase64));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    public byte[] hash() {
        return Bytes.base64(hashBase64);
    }

    private static byte[] signedBytes(String kioskId, long sequence, byte[] hash, Instant hubTime) {
        return new CanonicalWriter(96).raw(DOMAIN).u8(1).shortString(kioskId).i64(sequence).bytes(hash)
                .i64(hubTime.toEpochMilli()).toByteArray();
    }
}
