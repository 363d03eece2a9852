package org.threshold.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** A code with one mistyped character or one swap of neighbours is always among the hints for the typo. */
class TypoHintProperties {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Provide
    Arbitrary<TokenId> tokens() {
        return Arbitraries.bytes().array(byte[].class).ofSize(TokenId.BYTES).map(TokenId::fromBytes);
    }

    private static String compact(TokenId token) {
        return token.shortCode().replace("-", "");
    }

    @Property
    void one_mistyped_character(@ForAll("tokens") TokenId token, @ForAll @IntRange(min = 0, max = 16) int at,
                                @ForAll @IntRange(min = 1, max = 31) int shift) {
        char[] typed = compact(token).toCharArray();
        typed[at] = ALPHABET.charAt((ALPHABET.indexOf(typed[at]) + shift) % 32);

        assertThat(TokenId.singleEditsOf(new String(typed))).contains(token).doesNotHaveDuplicates().hasSizeLessThan(40);
    }

    @Property
    void two_neighbours_swapped(@ForAll("tokens") TokenId token, @ForAll @IntRange(min = 0, max = 15) int at) {
        char[] typed = compact(token).toCharArray();
        if (typed[at] == typed[at + 1]) {
            return;
        }
        char first = typed[at];
        typed[at] = typed[at + 1];
        typed[at + 1] = first;

        assertThat(TokenId.singleEditsOf(new String(typed))).contains(token);
    }

    @Property
    void text_that_is_not_seventeen_code_characters_has_no_hints(@ForAll String typed) {
        String compact = typed.replace("-", "").replace(" ", "");
        if (compact.length() != 17) {
            assertThat(TokenId.singleEditsOf(typed)).isEmpty();
        }
    }
}
