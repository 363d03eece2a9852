package org.threshold.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The reader reads back exactly what the writer wrote, and nothing shorter or longer. */
class CanonicalCodecProperties {

    /** One value of each kind the writer knows, and how to write and read it. */
    sealed interface Field {
        void writeTo(CanonicalWriter out);

        Object readFrom(CanonicalReader in) throws MalformedEncodingException;

        Object value();
    }

    record U8(Integer value) implements Field {
        public void writeTo(CanonicalWriter out) {
            out.u8(value);
        }

        public Object readFrom(CanonicalReader in) throws MalformedEncodingException {
            return in.u8();
        }
    }

    record U16(Integer value) implements Field {
        public void writeTo(CanonicalWriter out) {
            out.u16(value);
        }

        public Object readFrom(CanonicalReader in) throws MalformedEncodingException {
            return in.u16();
        }
    }

    record U32(Long value) implements Field {
        public void writeTo(CanonicalWriter out) {
            out.u32(value);
        }

        public Object readFrom(CanonicalReader in) throws MalformedEncodingException {
            return in.u32();
        }
    }

    record I64(Long value) implements Field {
        public void writeTo(CanonicalWriter out) {
            out.i64(value);
        }

        public Object readFrom(CanonicalReader in) throws MalformedEncodingException {
            return in.i64();
        }
    }

    record ShortString(String value) implements Field {
        public void writeTo(CanonicalWriter out) {
            out.shortString(value);
        }

        public Object readFrom(CanonicalReader in) throws MalformedEncodingException {
            return in.shortString();
        }
    }

    record ByteString(List<Byte> value) implements Field {
        public void writeTo(CanonicalWriter out) {
            out.bytes(toArray(value));
        }

        public Object readFrom(CanonicalReader in) throws MalformedEncodingException {
            return asList(in.bytes());
        }
    }

    @Provide
    Arbitrary<List<Field>> fields() {
        Arbitrary<Field> field = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 0xFF).map(U8::new),
                Arbitraries.integers().between(0, 0xFFFF).map(U16::new),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(U32::new),
                Arbitraries.longs().map(I64::new),
                shortStrings().map(ShortString::new),
                Arbitraries.bytes().list().ofMaxSize(300).map(ByteString::new));
        return field.list().ofMaxSize(12);
    }

    @Property
    void readsBackWhatWasWritten(@ForAll("fields") List<Field> fields) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(write(fields));

        for (Field field : fields) {
            assertThat(field.readFrom(in)).isEqualTo(field.value());
        }
        in.expectEnd();
    }

    @Property
    void truncationAnywhereIsMalformed(@ForAll("fields") @Size(min = 1) List<Field> fields,
                                       @ForAll @IntRange(min = 1, max = 10_000) int cut) {
        byte[] encoded = write(fields);
        byte[] truncated = Arrays.copyOf(encoded, encoded.length - Math.min(cut, encoded.length));

        assertThatThrownBy(() -> readAll(fields, truncated)).isInstanceOf(MalformedEncodingException.class);
    }

    @Property
    void trailingBytesAreMalformed(@ForAll("fields") List<Field> fields, @ForAll @Size(min = 1, max = 20) byte[] extra)
            throws MalformedEncodingException {
        byte[] encoded = write(fields);
        byte[] padded = Arrays.copyOf(encoded, encoded.length + extra.length);
        System.arraycopy(extra, 0, padded, encoded.length, extra.length);
        CanonicalReader in = new CanonicalReader(padded);
        for (Field field : fields) {
            field.readFrom(in);
        }

        assertThatThrownBy(in::expectEnd)
                .isInstanceOf(MalformedEncodingException.class)
                .hasMessageContaining(extra.length + " unexpected trailing bytes");
    }

    @Property
    void shortStringsAreLengthPrefixedUtf8(@ForAll("shortStrings") String value) {
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] encoded = new CanonicalWriter(0).shortString(value).toByteArray();

        assertThat(encoded[0] & 0xFF).isEqualTo(utf8.length);
        assertThat(Arrays.copyOfRange(encoded, 1, encoded.length)).isEqualTo(utf8);
    }

    // Surrogates are left out: a lone surrogate has no UTF-8 form. Supplementary characters come in as pairs.
    @Provide
    Arbitrary<String> shortStrings() {
        Arbitrary<String> bmp = Arbitraries.strings()
                .withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD').ofMaxLength(60);
        Arbitrary<String> emoji = Arbitraries.integers().between(0x1F300, 0x1F64F).map(Character::toString);
        return Arbitraries.oneOf(bmp, emoji.list().ofMaxSize(20).map(list -> String.join("", list)),
                Arbitraries.strings().alpha().ofLength(255));
    }

    private static byte[] write(List<Field> fields) {
        CanonicalWriter out = new CanonicalWriter(16);
        fields.forEach(field -> field.writeTo(out));
        return out.toByteArray();
    }

    private static void readAll(List<Field> fields, byte[] encoded) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(encoded);
        for (Field field : fields) {
            field.readFrom(in);
        }
        in.expectEnd();
    }

    private static byte[] toArray(List<Byte> bytes) {
        byte[] array = new byte[bytes.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = bytes.get(i);
        }
        return array;
    }

    private static List<Byte> asList(byte[] array) {
        Byte[] boxed = new Byte[array.length];
        for (int i = 0; i < array.length; i++) {
            boxed[i] = array[i];
        }
        return List.of(boxed);
    }
}
