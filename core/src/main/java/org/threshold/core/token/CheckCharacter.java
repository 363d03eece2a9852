package org.threshold.core.token;

/**
 * The Damm check algorithm over GF(32): interim = 2·interim + symbol in the field GF(2^5). Because
 * the operation is a totally anti-symmetric quasigroup, the check catches every single-symbol error
 * and every swap of two adjacent symbols, and the check character stays inside the Crockford
 * alphabet (Crockford's own mod-37 check needs the extra symbols * ~ $ = U, awkward on a keypad).
 */
final class CheckCharacter {
    private static final int MODULUS = 0b100101; // x^5 + x^2 + 1, irreducible over GF(2)

    private CheckCharacter() {
    }

    /** The symbol value that makes the whole sequence check to zero. */
    static int compute(int[] symbols) {
        return timesTwo(interim(symbols));
    }

    static boolean verify(int[] symbolsWithCheck) {
        return interim(symbolsWithCheck) == 0;
    }

    private static int interim(int[] symbols) {
        int interim = 0;
        for (int symbol : symbols) {
            interim = timesTwo(interim) ^ symbol;
        }
        return interim;
    }

    private static int timesTwo(int element) {
        int doubled = element << 1;
        return (doubled & 0b100000) != 0 ? doubled ^ MODULUS : doubled;
    }
}
