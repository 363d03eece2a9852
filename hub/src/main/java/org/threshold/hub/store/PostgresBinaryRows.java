package org.threshold.hub.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.threshold.core.event.EventHeader;
import org.threshold.core.event.SignedEvent;

/**
 * Events' rows in PostgreSQL's binary {@code COPY} format, in the column order of {@code EventSql.OnPostgres}'s COPY:
 * event_id, kiosk_id (text as UTF-8), sequence (int8), hash, envelope (bytea), received_at (int8).
 */
final class PostgresBinaryRows {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final short COLUMNS = 6;
    // Per row beyond the envelope: the field lengths, the ids, the hash and the two int8s.
    private static final int ROW_OVERHEAD = 160;

    private PostgresBinaryRows() {
    }

    static byte[] of(List<SignedEvent> events, long receivedAtMillis) {
        int size = SIGNATURE.length + 10;
        for (SignedEvent event : events) {
            size += event.encodedLength() + ROW_OVERHEAD;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
            for (SignedEvent event : events) {
                EventHeader header = event.header();
                out.writeShort(COLUMNS);
                bytes(out, header.eventId().toString().getBytes(StandardCharsets.UTF_8));
                bytes(out, header.kioskId().getBytes(StandardCharsets.UTF_8));
                int8(out, header.sequence());
                bytes(out, event.hash());
                bytes(out, event.encode());
                int8(out, receivedAtMillis);
            }
            out.writeShort(-1); // trailer
        } catch (IOException e) {
            throw new UncheckedIOException("A byte array stream does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static void int8(DataOutputStream out, long value) throws IOException {
        out.writeInt(Long.BYTES);
        out.writeLong(value);
    }
}
