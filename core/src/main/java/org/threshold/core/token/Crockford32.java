package org.threshold.core.token;

/**
 * Crockford's base 32: digits and upper-case letters without I, L, O and U, so a code read aloud or
 * copied by hand survives; on input O reads as 0 and I, L as 1. Every symbol is also in the QR
 * alphanumeric set, which keeps QR codes small.
 */
final class Crockford32 {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Crockford32() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Decodes exactly {@code byteCount} bytes; leftover padding bits must be zero so each value has one spelling. */
    static byte[] decode(String text, int byteCount) throws InvalidTokenException {
        int expectedLength = (byteCount * 8 + 4) / 5;
        if (text.length() != expectedLength) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED,
                    "expected " + expectedLength + " base-32 characters, got " + text.length());
        }
        byte[] out = new byte[byteCount];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < text.length(); i++) {
            buffer = (buffer << 5) | value(text.charAt(i));
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "non-canonical base-32 padding");
        }
        return out;
    }

    static int value(char c) throws InvalidTokenException {
        int value = valueOrMinusOne(c);
        if (value < 0) {
            throw new InvalidTokenException(InvalidTokenException.Reason.INVALID_CHARACTER,
                    "\"" + c + "\" is not a token character (use 0-9 and A-Z without I, L, O, U)");
        }
        return value;
    }

    /** The symbol's value, reading O as 0 and I, L as 1 (and lower case as upper); -1 if it has none. */
    static int valueOrMinusOne(char c) {
        char upper = Character.toUpperCase(c);
        return switch (upper) {
            case 'O' -> 0;
            case 'I', 'L' -> 1;
            default -> ALPHABET.indexOf(upper);
        };
    }
}
