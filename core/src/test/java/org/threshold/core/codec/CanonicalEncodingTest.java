package org.threshold.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The byte layout signatures are computed over, and the inputs the reader refuses. */
class CanonicalEncodingTest {

    @Test
    void writesBigEndianFixedWidthIntegersAndLengthPrefixes() {
        byte[] encoded = new CanonicalWriter(0)
                .u8(0xAB).u16(0x0102).u32(0x0A0B0C0DL).i64(-2L).shortString("é").bytes(new byte[] {7, 8})
                .toByteArray();

        assertThat(HexFormat.of().formatHex(encoded))
                .isEqualTo("ab" + "0102" + "0a0b0c0d" + "fffffffffffffffe" + "02c3a9" + "00000002" + "0708");
    }

    @Test
    void refusesToWriteValuesOutsideTheirWidth() {
        CanonicalWriter out = new CanonicalWriter(0);

        assertThatThrownBy(() -> out.u8(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> out.u8(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> out.u16(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> out.u32(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> out.u32(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> out.shortString("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThat(out.toByteArray()).isEmpty();
    }

    @Test
    void refusesAShortStringThatIsNotUtf8() {
        CanonicalReader in = new CanonicalReader(new byte[] {2, (byte) 0xC3, (byte) 0x28});

        assertThatThrownBy(in::shortString)
                .isInstanceOf(MalformedEncodingException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void refusesALengthPrefixLongerThanTheInputBeforeAllocatingIt() {
        CanonicalReader in = new CanonicalReader(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1});

        assertThatThrownBy(in::bytes)
                .isInstanceOf(MalformedEncodingException.class)
                .hasMessageContaining("4294967295 bytes but only 1 remain");
    }

    @Test
    void saysWhereTheInputEnded() throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(new byte[] {1, 2, 3});
        in.u16();

        assertThatThrownBy(in::u32)
                .isInstanceOf(MalformedEncodingException.class)
                .hasMessageContaining("truncated at byte 3");
    }
}
