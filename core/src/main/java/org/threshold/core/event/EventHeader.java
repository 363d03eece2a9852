package org.threshold.core.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.threshold.core.codec.CanonicalReader;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.codec.MalformedEncodingException;

/**
 * The public part of an event: what the hub can check and index without opening the payload. It
 * holds no personal data. Its canonical bytes are the HPKE associated data, so a payload cannot be
 * moved under another header.
 *
 * <pre>
 * "THEV" version(u8=1) eventId(16) kioskId(u8 len, ASCII) sequence(i64) previousHash(32)
 * recordedAtMillis(i64) type(u8 len, ASCII) sealingKeyId(u8 len, ASCII)
 * </pre>
 */
public record EventHeader(UUID eventId, String kioskId, long sequence, byte[] previousHash, Instant recordedAt,
                          EventType type, String sealingKeyId) {
    static final byte[] MAGIC = {'T', 'H', 'E', 'V'};
    static final int VERSION = 1;

    public EventHeader {
        KioskId.requireValid(kioskId);
        if (sequence < 1) {
            throw new IllegalArgumentException("Event sequence numbers start at 1, got " + sequence);
        }
        if (previousHash.length != 32) {
            throw new IllegalArgumentException("The previous hash is 32 bytes (SHA-256)");
        }
        previousHash = previousHash.clone();
        if (recordedAt.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("Event times are whole milliseconds; truncate before building");
        }
        if (sealingKeyId.isEmpty() || sealingKeyId.length() > 64) {
            throw new IllegalArgumentException("A sealing key id is 1 to 64 characters");
        }
    }

    public byte[] encode() {
        return new CanonicalWriter(128)
                .raw(MAGIC).u8(VERSION)
                .i64(eventId.getMostSignificantBits()).i64(eventId.getLeastSignificantBits())
                .shortString(kioskId)
                .i64(sequence)
                .raw(previousHash)
                .i64(recordedAt.toEpochMilli())
                .shortString(type.wireName())
                .shortString(sealingKeyId)
                .toByteArray();
    }

    static EventHeader read(CanonicalReader in) throws MalformedEncodingException {
        if (!Arrays.equals(in.raw(4), MAGIC)) {
            throw new MalformedEncodingException("not a Threshold event (bad magic)");
        }
        int version = in.u8();
        if (version != VERSION) {
            throw new MalformedEncodingException("unsupported event format version " + version);
        }
        UUID id = new UUID(in.i64(), in.i64());
        String kiosk = in.shortString();
        long sequence = in.i64();
        byte[] previous = in.raw(32);
        Instant at = Instant.ofEpochMilli(in.i64());
        String typeName = in.shortString();
        EventType type = EventType.fromWireName(typeName)
                .orElseThrow(() -> new MalformedEncodingException("unknown event type \"" + typeName + "\""));
        String keyId = in.shortString();
        try {
            return new EventHeader(id, kiosk, sequence, previous, at, type, keyId);
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException(e.getMessage());
        }
    }

    /** A copy, so a header (and the signed event holding it) cannot change after it is built. */
    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventHeader that && Arrays.equals(encode(), that.encode());
    }

    @Override
    public int hashCode() {
        return eventId.hashCode();
    }

    @Override
    public String toString() {
        return "EventHeader[" + type.wireName() + " " + kioskId + "#" + sequence + " " + eventId + "]";
    }
}
