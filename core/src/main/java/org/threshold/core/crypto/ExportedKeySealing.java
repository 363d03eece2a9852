package org.threshold.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Seals the events made together with a registration (its referrals) under the secret the registration's HPKE
 * context exported ({@link HubSealing#sealExporting}), so each costs an AEAD rather than an X-Wing encapsulation and
 * decapsulation: AES-256-GCM ({@link AesGcm}) under {@code HKDF-Expand(exported, LABEL | eventId, 32)} (RFC 5869),
 * a key of its own per event, so no two events ever share a key and nonce. The event's header is the associated
 * data, as for an HPKE-sealed event.
 */
public final class ExportedKeySealing {
    private static final byte[] LABEL = "threshold/referral-event/v1".getBytes(StandardCharsets.US_ASCII);

    private ExportedKeySealing() {
    }

    public static byte[] seal(byte[] exported, UUID eventId, byte[] aad, byte[] plaintext, SecureRandom random) {
        byte[] key = key(exported, eventId);
        try {
            return AesGcm.encrypt(key, aad, plaintext, random);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public static byte[] open(byte[] exported, UUID eventId, byte[] aad, byte[] ciphertext) throws UnsealException {
        byte[] key = key(exported, eventId);
        try {
            return AesGcm.decrypt(key, aad, ciphertext).orElseThrow(() -> new UnsealException(
                    "The payload does not open under its registration's key: altered, moved, or keyed by another "
                            + "registration"));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] key(byte[] exported, UUID eventId) {
        if (exported.length != HubSealing.EXPORTED_BYTES) {
            throw new IllegalArgumentException("An exported secret is " + HubSealing.EXPORTED_BYTES + " bytes");
        }
        byte[] info = ByteBuffer.allocate(LABEL.length + 16).put(LABEL).putLong(eventId.getMostSignificantBits())
                .putLong(eventId.getLeastSignificantBits()).array();
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(HKDFParameters.skipExtractParameters(exported, info));
        byte[] key = new byte[AesGcm.KEY_BYTES];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }
}
