package org.threshold.core.codec;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link CanonicalWriter} wrote, strictly: any truncation or trailing byte is an error. */
public final class CanonicalReader {
    private final byte[] data;
    private int position;

    public CanonicalReader(byte[] data) {
        this.data = data;
    }

    public int position() {
        return position;
    }

    public byte[] raw(int length) throws MalformedEncodingException {
        require(length);
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    public int u8() throws MalformedEncodingException {
        require(1);
        return data[position++] & 0xFF;
    }

    public int u16() throws MalformedEncodingException {
        return (u8() << 8) | u8();
    }

    public long u32() throws MalformedEncodingException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | u8();
        }
        return value;
    }

    public long i64() throws MalformedEncodingException {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | u8();
        }
        return value;
    }

    public String shortString() throws MalformedEncodingException {
        byte[] bytes = raw(u8());
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEncodingException("invalid UTF-8 at byte " + (position - bytes.length));
        }
    }

    public byte[] bytes() throws MalformedEncodingException {
        long length = u32();
        if (length > data.length - position) {
            throw new MalformedEncodingException("a field claims " + length + " bytes but only "
                    + (data.length - position) + " remain");
        }
        return raw((int) length);
    }

    public void expectEnd() throws MalformedEncodingException {
        if (position != data.length) {
            throw new MalformedEncodingException((data.length - position) + " unexpected trailing bytes");
        }
    }

    private void require(int length) throws MalformedEncodingException {
        if (length < 0 || length > data.length - position) {
            throw new MalformedEncodingException("truncated at byte " + position + " (needed " + length
                    + " more, " + (data.length - position) + " left)");
        }
    }
}
