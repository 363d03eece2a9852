package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a header refuses to hold, and that it cannot change once built: its bytes are signed. */
class EventHeaderTest {

    private static final UUID ID = UUID.fromString("0190f3a8-7c1e-7abc-8def-0123456789ab");
    private static final Instant AT = Instant.parse("2026-11-24T10:15:30.123Z");

    @Test
    void doesNotChangeWhenTheCallersArrayDoes() {
        byte[] previous = new byte[32];
        EventHeader header = header("KIOSK-01", 1, previous, AT, "key");
        byte[] before = header.encode();

        previous[0] = 1;

        assertThat(header.encode()).isEqualTo(before);
    }

    @Test
    void cannotBeChangedThroughItsPreviousHash() {
        SignedEvent event = EventWireFormatTest.EVENT;

        event.header().previousHash()[0] = 1;

        assertThat(event.header().previousHash()).containsOnly(0);
        assertThat(event.header()).isEqualTo(EventWireFormatTest.HEADER);
    }

    @Test
    void refusesAnInvalidKioskId() {
        assertThatThrownBy(() -> header("kiosk-01", 1, new byte[32], AT, "key"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesSequenceZero() {
        assertThatThrownBy(() -> header("KIOSK-01", 0, new byte[32], AT, "key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start at 1");
    }

    @Test
    void refusesAPreviousHashThatIsNotSha256Sized() {
        assertThatThrownBy(() -> header("KIOSK-01", 1, new byte[20], AT, "key"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesATimeFinerThanAMillisecondSinceTheWireCannotCarryIt() {
        assertThatThrownBy(() -> header("KIOSK-01", 1, new byte[32], AT.plusNanos(1), "key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("milliseconds");
    }

    @Test
    void refusesAnEmptyOrOverlongSealingKeyId() {
        assertThatThrownBy(() -> header("KIOSK-01", 1, new byte[32], AT, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> header("KIOSK-01", 1, new byte[32], AT, "k".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EventHeader header(String kiosk, long sequence, byte[] previous, Instant at, String keyId) {
        return new EventHeader(ID, kiosk, sequence, previous, at, EventType.HOUSEHOLD_REGISTERED, keyId);
    }
}
