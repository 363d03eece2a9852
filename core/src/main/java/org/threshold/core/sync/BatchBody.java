package org.threshold.core.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.threshold.core.codec.CanonicalReader;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.codec.MalformedEncodingException;

/**
 * The compact body of {@code POST /api/sync/batches} ({@value #CONTENT_TYPE}), next to the JSON one: the
 * envelopes as they are stored, without Base64, JSON or gzip. Sealed payloads do not compress, so gzip of
 * Base64 only wins back what Base64 cost; this saves all three on both sides, at about the same size on the wire.
 *
 * <pre>
 * "TSB1" | kioskId (u8 length, UTF-8) | count (u32) | count x envelope (u32 length, bytes)
 * </pre>
 * All integers big-endian.
 */
public final class BatchBody {
    public static final String CONTENT_TYPE = "application/x-threshold-batch";
    private static final byte[] MAGIC = {'T', 'S', 'B', '1'};

    private final String kioskId;
    private final List<byte[]> envelopes;

    public BatchBody(String kioskId, List<byte[]> envelopes) {
        this.kioskId = kioskId;
        this.envelopes = List.copyOf(envelopes);
    }

    public String kioskId() {
        return kioskId;
    }

    /** The envelopes in the order sent; not copied, so do not change them. */
    public List<byte[]> envelopes() {
        return envelopes;
    }

    public byte[] encode() {
        int size = MAGIC.length + 1 + kioskId.length() * 3 + 4;
        for (byte[] envelope : envelopes) {
            size += 4 + envelope.length;
        }
        CanonicalWriter out = new CanonicalWriter(size).raw(MAGIC).shortString(kioskId).u32(envelopes.size());
        envelopes.forEach(out::bytes);
        return out.toByteArray();
    }

    public static BatchBody decode(byte[] body) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(body);
        if (body.length < MAGIC.length || !Arrays.equals(in.raw(MAGIC.length), MAGIC)) {
            throw new MalformedEncodingException("the body does not start with \"TSB1\"");
        }
        String kioskId = in.shortString();
        long count = in.u32();
        // Each envelope takes at least its 4-byte length, so a lying count cannot make this allocate much.
        List<byte[]> envelopes = new ArrayList<>((int) Math.min(count, body.length / 4));
        for (long i = 0; i < count; i++) {
            envelopes.add(in.bytes());
        }
        in.expectEnd();
        return new BatchBody(kioskId, envelopes);
    }
}
