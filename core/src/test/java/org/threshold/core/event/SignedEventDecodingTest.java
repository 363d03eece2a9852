package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** What the hub refuses to read, starting from the pinned golden event; each refusal is a checked error. */
class SignedEventDecodingTest {

    private final byte[] golden = EventWireFormatTest.goldenEvent();

    @Test
    void rejectsBadMagic() {
        byte[] bytes = golden.clone();
        bytes[0] = 'X';

        assertMalformed(bytes).hasMessageContaining("bad magic");
    }

    @Test
    void rejectsAnUnknownFormatVersion() {
        byte[] bytes = golden.clone();
        bytes[4] = 2;

        assertMalformed(bytes).hasMessageContaining("version 2");
    }

    @Test
    void rejectsAnUnknownEventType() {
        byte[] bytes = replaceAscii(golden, "HouseholdRegistered", "HouseholdDissolved!");

        assertMalformed(bytes).hasMessageContaining("unknown event type \"HouseholdDissolved!\"");
    }

    @Test
    void rejectsAHeaderTheRecordWouldRefuseAsMalformedNotAsACrash() {
        assertMalformed(replaceAscii(golden, "KIOSK-01", "kiosk-01"));
    }

    @Test
    void rejectsEveryTruncation() {
        for (int length = 0; length < golden.length; length++) {
            assertMalformed(Arrays.copyOf(golden, length)).as("truncated to %d bytes", length);
        }
    }

    @Test
    void rejectsTrailingBytes() {
        assertMalformed(Arrays.copyOf(golden, golden.length + 1)).hasMessageContaining("trailing");
    }

    @Test
    void rejectsAnEmptyEncapsulation() {
        // Encapsulation length prefix at bytes 115..118, then 32 bytes: cut them out and claim 0.
        byte[] bytes = new byte[golden.length - 32];
        System.arraycopy(golden, 0, bytes, 0, 115);
        System.arraycopy(golden, 115 + 4 + 32, bytes, 115 + 4, golden.length - 115 - 4 - 32);

        assertMalformed(bytes).hasMessageContaining("empty sealed payload");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertMalformed(byte[] bytes) {
        return assertThatThrownBy(() -> SignedEvent.decode(bytes))
                .isInstanceOf(org.threshold.core.codec.MalformedEncodingException.class);
    }

    private static byte[] replaceAscii(byte[] bytes, String from, String to) {
        assertThat(to).hasSameSizeAs(from);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        assertThat(at).as("position of %s", from).isNotNegative();
        byte[] replaced = bytes.clone();
        System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, replaced, at, to.length());
        return replaced;
    }
}
