package org.threshold.core.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the canonical byte encoding that signatures and hashes are computed over: big-endian
 * fixed-width integers, length-prefixed strings and byte strings, no optional fields, no padding.
 * One value has exactly one encoding, so two parties always hash the same bytes.
 */
public final class CanonicalWriter {
    private final ByteArrayOutputStream out;

    public CanonicalWriter(int expectedSize) {
        this.out = new ByteArrayOutputStream(expectedSize);
    }

    public CanonicalWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public CanonicalWriter u8(int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("Not an unsigned byte: " + value);
        }
        out.write(value);
        return this;
    }

    public CanonicalWriter u16(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("Not an unsigned 16-bit value: " + value);
        }
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    public CanonicalWriter u32(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Not an unsigned 32-bit value: " + value);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    public CanonicalWriter i64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** A string of at most 255 UTF-8 bytes, prefixed by its length in one byte. */
    public CanonicalWriter shortString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        u8(bytes.length);
        return raw(bytes);
    }

    /** A byte string of at most 2^32-1 bytes, prefixed by its length in four bytes. */
    public CanonicalWriter bytes(byte[] value) {
        u32(value.length);
        return raw(value);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
