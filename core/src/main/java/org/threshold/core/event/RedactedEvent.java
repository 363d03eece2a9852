package org.threshold.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.threshold.core.codec.CanonicalReader;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;

/**
 * A stored event cut down to its header when the personal data it carried was erased: the header, the event's hash as
 * it was (what the next event links to) and the hub's seal, an Ed25519 signature by the hub's identity key over both.
 * The kiosk's signature covered the payload, which is gone, so it can no longer be checked and the hash can no longer
 * be recomputed; the seal, made while the whole event was still there, is what vouches for the header and hash
 * afterwards, so a chain verifier still detects a header altered after the cut.
 *
 * <pre>
 * "TRX1" | header | hash(32) | seal(64)
 * </pre>
 */
public record RedactedEvent(EventHeader header, byte[] hash, byte[] seal) {
    private static final byte[] MAGIC = "TRX1".getBytes(StandardCharsets.US_ASCII);
    // Keeps a seal from ever standing for a signature over something else the hub signs.
    private static final byte[] DOMAIN = "threshold/redacted-event/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_SIZE = 32;

    public RedactedEvent {
        hash = hash.clone();
        seal = seal.clone();
    }

    /** Cuts {@code event} to its header, sealed by {@code hub}. */
    public static RedactedEvent of(SignedEvent event, SigningKey hub) {
        return new RedactedEvent(event.header(), event.hash(), hub.sign(signed(event.header(), event.hash())));
    }

    /** Whether stored bytes are a redacted event rather than a whole one. */
    public static boolean isRedacted(byte[] stored) {
        return stored.length > MAGIC.length && Arrays.equals(Arrays.copyOf(stored, MAGIC.length), MAGIC);
    }

    public static RedactedEvent decode(byte[] encoded) throws MalformedEncodingException {
        if (!isRedacted(encoded)) {
            throw new MalformedEncodingException("not a redacted event");
        }
        CanonicalReader in = new CanonicalReader(encoded);
        in.raw(MAGIC.length);
        EventHeader header = EventHeader.read(in);
        byte[] hash = in.raw(HASH_SIZE);
        byte[] seal = in.raw(VerifyingKey.SIGNATURE_SIZE);
        in.expectEnd();
        return new RedactedEvent(header, hash, seal);
    }

    /**
     * The header of an event cut to its bare header before cuts were sealed (a store from before): its place in the
     * chain can be checked, nothing else.
     */
    public static EventHeader bareHeader(byte[] stored) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(stored);
        EventHeader header = EventHeader.read(in);
        in.expectEnd();
        return header;
    }

    public byte[] encode() {
        return new CanonicalWriter(MAGIC.length + 256).raw(MAGIC).raw(header.encode()).raw(hash).raw(seal)
                .toByteArray();
    }

    /** Whether the hub sealed this header and hash, as they are now. */
    public boolean sealValid(VerifyingKey hub) {
        return hub.verify(signed(header, hash), seal);
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    private static byte[] signed(EventHeader header, byte[] hash) {
        byte[] encoded = header.encode();
        return new CanonicalWriter(DOMAIN.length + encoded.length + hash.length).raw(DOMAIN).raw(encoded).raw(hash)
                .toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedactedEvent that && header.equals(that.header) && Arrays.equals(hash, that.hash)
                && Arrays.equals(seal, that.seal);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "RedactedEvent[" + header.eventId() + "]";
    }
}
