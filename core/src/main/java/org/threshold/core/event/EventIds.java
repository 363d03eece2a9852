package org.threshold.core.event;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds then random bits, so ids sort by creation time and
 * index well, yet reveal nothing but when the event was made. Thread-safe.
 */
public final class EventIds {
    private final Clock clock;
    private final SecureRandom random;

    public EventIds(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public UUID next() {
        long millis = clock.millis();
        long randA = random.nextInt() & 0x0FFFL;
        long randB = random.nextLong();
        long most = (millis << 16) | 0x7000L | randA;
        long least = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    public static long timestampMillis(UUID uuidV7) {
        return uuidV7.getMostSignificantBits() >>> 16;
    }
}
