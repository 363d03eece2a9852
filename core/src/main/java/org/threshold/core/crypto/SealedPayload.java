package org.threshold.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * A sealed payload: its key part and the AEAD ciphertext. The key part is either the HPKE (X-Wing) encapsulation, or,
 * for a payload sealed under a secret another event's HPKE context exported ({@link ExportedKeySealing}), a
 * reference to that event: {@code "TRK1" | eventId(16)}, 20 bytes, which no X-Wing encapsulation (1,120) can be.
 * Arrays are shared, not copied, because envelopes are built and parsed by the thousand; treat them as read-only.
 */
public record SealedPayload(byte[] encapsulation, byte[] ciphertext) {
    private static final byte[] REFERENCE = "TRK1".getBytes(StandardCharsets.US_ASCII);
    private static final int REFERENCE_BYTES = REFERENCE.length + 16;

    public SealedPayload {
        if (encapsulation.length == 0 || ciphertext.length == 0) {
            throw new IllegalArgumentException("A sealed payload needs an encapsulation and a ciphertext");
        }
    }

    /** A ciphertext sealed under the secret the HPKE context of event {@code eventId} exported. */
    public static SealedPayload underExportOf(UUID eventId, byte[] ciphertext) {
        byte[] reference = ByteBuffer.allocate(REFERENCE_BYTES).put(REFERENCE)
                .putLong(eventId.getMostSignificantBits()).putLong(eventId.getLeastSignificantBits()).array();
        return new SealedPayload(reference, ciphertext);
    }

    /** The event whose exported secret this payload is sealed under; empty for a payload with its own encapsulation. */
    public Optional<UUID> exportedFrom() {
        if (encapsulation.length != REFERENCE_BYTES
                || !Arrays.equals(encapsulation, 0, REFERENCE.length, REFERENCE, 0, REFERENCE.length)) {
            return Optional.empty();
        }
        ByteBuffer id = ByteBuffer.wrap(encapsulation, REFERENCE.length, 16);
        return Optional.of(new UUID(id.getLong(), id.getLong()));
    }
}
