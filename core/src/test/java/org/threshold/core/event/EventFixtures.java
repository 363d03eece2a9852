package org.threshold.core.event;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealedPayload;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SigningKey;

/** Keys and chains for event tests: real keys, real sealing, no stand-ins. */
final class EventFixtures {
    static final Instant START = Instant.parse("2026-11-24T10:15:30.123Z");
    static final SealingPrivateKey HUB = HubSealing.generate(new SecureRandom());

    private EventFixtures() {
    }

    /** A fixed Ed25519 key per seed, so a failing case replays exactly. */
    static SigningKey signingKey(int seed) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) seed;
        bytes[1] = (byte) (seed >>> 8);
        bytes[31] = 0x5A;
        return SigningKey.fromBytes(bytes);
    }

    static EventSealer sealer(String kioskId, SigningKey key) {
        return new EventSealer(kioskId, key, HUB.publicKey());
    }

    /** The event after {@code previous}, recorded one minute per sequence number after {@link #START}. */
    static SignedEvent next(EventSealer sealer, ChainPosition previous) {
        long sequence = previous.sequence() + 1;
        Instant at = START.plus(Duration.ofMinutes(sequence));
        EventIds ids = new EventIds(Clock.fixed(at, ZoneOffset.UTC), new SecureRandom());
        return sealer.seal(previous, ids.next(), at, EventType.HOUSEHOLD_REGISTERED, plaintext(sequence));
    }

    static List<SignedEvent> chain(EventSealer sealer, ChainPosition from, int count) {
        List<SignedEvent> events = new ArrayList<>();
        ChainPosition position = from;
        for (int i = 0; i < count; i++) {
            SignedEvent event = next(sealer, position);
            events.add(event);
            position = ChainPosition.after(event);
        }
        return events;
    }

    static byte[] plaintext(long sequence) {
        return ("{\"household\":" + sequence + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** The same header and payload, signed by {@code key} instead: what an attacker without the kiosk key can make. */
    static SignedEvent resignedBy(SigningKey key, SignedEvent event) {
        return resigned(event.header(), event.payload(), key);
    }

    static SignedEvent resigned(EventHeader header, SealedPayload payload, SigningKey key) {
        return SignedEvent.of(header, payload, key.sign(SignedEvent.unsignedBytes(header, payload)));
    }

    static EventHeader withPreviousHash(EventHeader header, byte[] previousHash) {
        return new EventHeader(header.eventId(), header.kioskId(), header.sequence(), previousHash,
                header.recordedAt(), header.type(), header.sealingKeyId());
    }

    static EventHeader withSequence(EventHeader header, long sequence) {
        return new EventHeader(header.eventId(), header.kioskId(), sequence, header.previousHash(),
                header.recordedAt(), header.type(), header.sealingKeyId());
    }
}
