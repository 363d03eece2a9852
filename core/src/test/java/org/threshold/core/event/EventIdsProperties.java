package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class EventIdsProperties {

    // 2000-01-01 to 2200-01-01 in Unix milliseconds.
    private static final long FROM = 946_684_800_000L;
    private static final long TO = 7_258_118_400_000L;

    @Property
    void timestampMillisReturnsTheClocksMillisecond(@ForAll @LongRange(min = FROM, max = TO) long millis) {
        UUID id = idAt(millis);

        assertThat(EventIds.timestampMillis(id)).isEqualTo(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Property
    void anEarlierMillisecondSortsFirst(@ForAll @LongRange(min = FROM, max = TO) long earlier,
                                        @ForAll @LongRange(min = 1, max = 1_000_000) long later) {
        assertThat(idAt(earlier)).isLessThan(idAt(earlier + later));
    }

    private static UUID idAt(long millis) {
        return new EventIds(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC), new SecureRandom()).next();
    }
}
