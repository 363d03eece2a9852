package org.threshold.core.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.threshold.core.codec.CanonicalReader;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.KioskId;

/**
 * A kiosk's unsynced events on a removable drive, for a hub it cannot reach over a network. One file:
 *
 * <pre>
 * "THBN" | version u8 (1) | kiosk id (u8 length) | exported at, epoch ms i64 | count u32
 *        | count x envelope (u32 length) | Ed25519 signature of the kiosk over everything before (64)
 * </pre>
 *
 * The signature covers the whole file, so a bundle altered on the way is refused whole before any event in it
 * is looked at; each event then goes through the same chain verification as a network batch.
 */
public record EventBundle(String kioskId, Instant exportedAt, List<byte[]> envelopes, byte[] signedBytes,
                          byte[] signature) {
    private static final byte[] MAGIC = "THBN".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int SIGNATURE_SIZE = VerifyingKey.SIGNATURE_SIZE;

    public EventBundle {
        KioskId.requireValid(kioskId);
        envelopes = List.copyOf(envelopes);
    }

    /** The file's bytes: the envelopes, in sequence order, signed by the kiosk. */
    public static byte[] write(String kioskId, Instant exportedAt, List<byte[]> envelopes, SigningKey kioskKey) {
        long size = 64 + envelopes.stream().mapToLong(envelope -> envelope.length + 4L).sum();
        CanonicalWriter out = new CanonicalWriter((int) Math.min(size, Integer.MAX_VALUE - 64)).raw(MAGIC).u8(VERSION)
                .shortString(kioskId).i64(exportedAt.toEpochMilli()).u32(envelopes.size());
        envelopes.forEach(out::bytes);
        byte[] unsigned = out.toByteArray();
        byte[] signature = kioskKey.sign(unsigned);
        byte[] file = Arrays.copyOf(unsigned, unsigned.length + SIGNATURE_SIZE);
        System.arraycopy(signature, 0, file, unsigned.length, SIGNATURE_SIZE);
        return file;
    }

    /** Reads a bundle's structure; {@link #signedBy} says whether to trust it. */
    public static EventBundle read(byte[] file) throws MalformedEncodingException {
        if (file.length < MAGIC.length + SIGNATURE_SIZE) {
            throw new MalformedEncodingException("too short to be a bundle");
        }
        byte[] unsigned = Arrays.copyOf(file, file.length - SIGNATURE_SIZE);
        CanonicalReader in = new CanonicalReader(unsigned);
        if (!Arrays.equals(in.raw(MAGIC.length), MAGIC)) {
            throw new MalformedEncodingException("not a Threshold event bundle");
        }
        int version = in.u8();
        if (version != VERSION) {
            throw new MalformedEncodingException("bundle version " + version + " is not supported");
        }
        String kioskId = in.shortString();
        if (!KioskId.isValid(kioskId)) {
            throw new MalformedEncodingException("the bundle names no valid kiosk id");
        }
        Instant exportedAt = Instant.ofEpochMilli(in.i64());
        long count = in.u32();
        List<byte[]> envelopes = new ArrayList<>((int) Math.min(count, 100_000));
        for (long i = 0; i < count; i++) {
            envelopes.add(in.bytes());
        }
        in.expectEnd();
        return new EventBundle(kioskId, exportedAt, envelopes, unsigned,
                Arrays.copyOfRange(file, file.length - SIGNATURE_SIZE, file.length));
    }

    public boolean signedBy(VerifyingKey kioskKey) {
        return kioskKey.verify(signedBytes, signature);
    }
}
