package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Event ids are UUIDv7: they carry their creation time and sort by it. */
class EventIdsTest {

    private static final Instant T = Instant.parse("2026-11-24T10:15:30.123Z");

    @Test
    void idsAreVersion7WithTheRfcVariant() {
        UUID id = idAt(T);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void theTimestampIsTheClocksMillisecond() {
        assertThat(EventIds.timestampMillis(idAt(T))).isEqualTo(T.toEpochMilli());
        assertThat(EventIds.timestampMillis(idAt(Instant.EPOCH))).isZero();
    }

    @Test
    void theTimestampIsTheFirstFortyEightBits() {
        // 2026-11-24T10:15:30.123Z is 0x01a20d0dae4b milliseconds after the epoch.
        assertThat(idAt(T).toString()).startsWith("01a20d0d-ae4b-7");
    }

    @Test
    void idsSortByTheClocksMillisecond() {
        Clock base = Clock.fixed(T, ZoneOffset.UTC);
        List<Duration> offsets = List.of(Duration.ofMillis(-1), Duration.ZERO, Duration.ofMillis(1),
                Duration.ofMillis(2), Duration.ofSeconds(1), Duration.ofDays(1), Duration.ofDays(365 * 30));
        List<Duration> shuffled = new ArrayList<>(offsets);
        Collections.shuffle(shuffled, new Random(7));
        List<UUID> ids = new ArrayList<>();
        for (Duration offset : shuffled) {
            ids.add(new EventIds(Clock.offset(base, offset), new SecureRandom()).next());
        }

        Collections.sort(ids);

        assertThat(ids).extracting(id -> EventIds.timestampMillis(id) - T.toEpochMilli())
                .containsExactlyElementsOf(offsets.stream().map(Duration::toMillis).toList());
    }

    @Test
    void idsFromTheSameMillisecondDifferInTheirRandomBits() {
        EventIds ids = new EventIds(Clock.fixed(T, ZoneOffset.UTC), new SecureRandom());

        UUID first = ids.next();
        UUID second = ids.next();

        assertThat(first).isNotEqualTo(second);
        assertThat(EventIds.timestampMillis(first)).isEqualTo(EventIds.timestampMillis(second));
    }

    private static UUID idAt(Instant time) {
        return new EventIds(Clock.fixed(time, ZoneOffset.UTC), new SecureRandom()).next();
    }
}
