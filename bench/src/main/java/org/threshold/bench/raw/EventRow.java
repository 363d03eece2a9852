package org.threshold.bench.raw;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.EventIds;
import org.threshold.core.event.EventSealer;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;

/**
 * One row of the hub's {@code events} table as its ingest writes it: {@code event_id}, {@code kiosk_id},
 * {@code sequence}, {@code hash}, {@code envelope} (the whole signed, sealed event) and {@code received_at}.
 */
public record EventRow(String eventId, String kioskId, long sequence, byte[] hash, byte[] envelope, long receivedAt) {
    /** About the size of the bench household's registration payload (four members, Arabic names). */
    static final int PAYLOAD_BYTES = 1_100;
    private static final int KIOSKS = 16;

    /** The row the hub stores for {@code event}, received at {@code receivedAt} (Unix milliseconds). */
    public static EventRow of(SignedEvent event, long receivedAt) {
        return new EventRow(event.header().eventId().toString(), event.header().kioskId(), event.header().sequence(),
                event.hash(), event.encode(), receivedAt);
    }

    /**
     * {@code count} rows from {@value #KIOSKS} kiosks, each kiosk's in sequence order, in kiosk batches of
     * {@code batch}: ids are UUIDv7 as kiosks make them, and every envelope is the size of a real sealed and signed
     * registration ({@value #PAYLOAD_BYTES} bytes of payload), filled with random bytes as ciphertext would be.
     */
    public static List<EventRow> sample(int count, int batch) {
        SecureRandom random = new SecureRandom();
        byte[] payload = new byte[PAYLOAD_BYTES];
        random.nextBytes(payload);
        EventIds ids = new EventIds(Clock.systemUTC(), random);
        int envelopeBytes = new EventSealer("KIOSK-00", SigningKey.generate(random),
                HubSealing.generate(random).publicKey())
                .seal(ChainPosition.GENESIS, ids.next(), Instant.now(), EventType.HOUSEHOLD_REGISTERED, payload)
                .encode().length;
        long[] sequences = new long[KIOSKS];
        long receivedAt = System.currentTimeMillis();
        List<EventRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kiosk = (i / batch) % KIOSKS;
            byte[] hash = new byte[32];
            byte[] envelope = new byte[envelopeBytes];
            random.nextBytes(hash);
            random.nextBytes(envelope);
            rows.add(new EventRow(ids.next().toString(), String.format("KIOSK-%02d", kiosk), ++sequences[kiosk], hash,
                    envelope, receivedAt));
        }
        return rows;
    }
}
