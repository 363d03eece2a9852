package org.threshold.core.token;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.threshold.core.i18n.Digits;

/**
 * The opaque identity on a token card: 80 random bits, so guessing a valid token is hopeless, and
 * nothing about the person can be read from it. Shown to people as a {@link #shortCode()} such as
 * {@code 7K3M-Q9XD-2HPT-VB6R-F}: 16 Crockford characters in groups of four, then a check character.
 */
public final class TokenId {
    public static final int BYTES = 10;
    static final int SYMBOLS = 16;

    private final byte[] bytes;

    private TokenId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TokenId random(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new TokenId(bytes);
    }

    public static TokenId fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("A token id is " + BYTES + " bytes");
        }
        return new TokenId(bytes.clone());
    }

    /**
     * Parses a typed short code: case, dashes and spaces do not matter; O reads as 0, I and L as 1; Eastern Arabic
     * and Persian digits read as their ASCII digits.
     */
    public static TokenId parseShortCode(String typed) throws InvalidTokenException {
        typed = Digits.toAscii(typed);
        StringBuilder compact = new StringBuilder(SYMBOLS + 1);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c != '-' && c != ' ') {
                compact.append(c);
            }
        }
        if (compact.length() != SYMBOLS + 1) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "a token code has "
                    + (SYMBOLS + 1) + " characters (like 7K3M-Q9XD-2HPT-VB6R-F); this one has " + compact.length());
        }
        int[] symbols = new int[SYMBOLS + 1];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = Crockford32.value(compact.charAt(i));
        }
        if (!CheckCharacter.verify(symbols)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.CHECK_MISMATCH,
                    "the code does not add up: a character is mistyped or two are swapped; check the card again");
        }
        return fromCode(canonical(symbols, SYMBOLS));
    }

    /**
     * For a typed code whose check character does not add up: every valid code one mistyped character or one swap
     * of neighbours away, in no particular order (about 17 of them). Staff are shown those of them issued on their
     * kiosk. Empty if the text is not 17 code characters.
     */
    public static List<TokenId> singleEditsOf(String typed) {
        String compact = Digits.toAscii(typed).replace("-", "").replace(" ", "");
        if (compact.length() != SYMBOLS + 1) {
            return List.of();
        }
        int[] symbols = new int[SYMBOLS + 1];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = Crockford32.valueOrMinusOne(compact.charAt(i));
            if (symbols[i] < 0) {
                return List.of();
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < symbols.length; i++) {
            int[] edited = symbols.clone();
            for (int symbol = 0; symbol < 32; symbol++) {
                edited[i] = symbol;
                if (symbol != symbols[i] && CheckCharacter.verify(edited)) {
                    codes.add(canonical(edited, SYMBOLS));
                }
            }
            if (i + 1 < symbols.length && symbols[i] != symbols[i + 1]) {
                int[] swapped = symbols.clone();
                swapped[i] = symbols[i + 1];
                swapped[i + 1] = symbols[i];
                if (CheckCharacter.verify(swapped)) {
                    codes.add(canonical(swapped, SYMBOLS));
                }
            }
        }
        List<TokenId> candidates = new ArrayList<>();
        for (String code : codes) {
            try {
                candidates.add(fromCode(code));
            } catch (InvalidTokenException e) {
                // A code with non-canonical padding bits is no token's; it is simply not a candidate.
            }
        }
        return candidates;
    }

    /** The 16-character code without dashes or check character, as it appears inside the QR payload. */
    public String code() {
        return Crockford32.encode(bytes);
    }

    static TokenId fromCode(String code) throws InvalidTokenException {
        return new TokenId(Crockford32.decode(code, BYTES));
    }

    public String shortCode() {
        String code = code();
        int[] symbols = new int[SYMBOLS];
        for (int i = 0; i < SYMBOLS; i++) {
            symbols[i] = Crockford32.ALPHABET.indexOf(code.charAt(i));
        }
        char check = Crockford32.ALPHABET.charAt(CheckCharacter.compute(symbols));
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                + code.substring(12, 16) + "-" + check;
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    private static String canonical(int[] symbols, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(Crockford32.ALPHABET.charAt(symbols[i]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenId that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return shortCode();
    }
}
