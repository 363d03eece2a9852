package org.threshold.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Short codes are typed by hand from a card: they must survive sloppy typing and catch real typos. */
class TokenIdProperties {

    // Written out here rather than taken from Crockford32, so the test pins the alphabet too.
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Provide
    Arbitrary<TokenId> tokenIds() {
        return Arbitraries.bytes().array(byte[].class).ofSize(TokenId.BYTES).map(TokenId::fromBytes);
    }

    @Property
    void shortCodeParsesBackToTheSameId(@ForAll("tokenIds") TokenId id) throws InvalidTokenException {
        TokenId parsed = TokenId.parseShortCode(id.shortCode());

        assertThat(parsed).isEqualTo(id);
        assertThat(parsed.toBytes()).isEqualTo(id.toBytes());
    }

    @Property
    void shortCodeIsFourGroupsOfFourThenACheckCharacter(@ForAll("tokenIds") TokenId id) {
        String symbol = "[" + ALPHABET + "]";
        assertThat(id.shortCode()).matches("(" + symbol + "{4}-){4}" + symbol);
        assertThat(id.shortCode()).startsWith(id.code().substring(0, 4));
    }

    @Property
    void parsingIgnoresCase(@ForAll("tokenIds") TokenId id) throws InvalidTokenException {
        assertThat(TokenId.parseShortCode(id.shortCode().toLowerCase(Locale.ROOT))).isEqualTo(id);
    }

    @Property
    void parsingIgnoresDashesAndSpaces(@ForAll("tokenIds") TokenId id, @ForAll Random random)
            throws InvalidTokenException {
        String compact = compact(id.shortCode());
        StringBuilder typed = new StringBuilder();
        for (char symbol : compact.toCharArray()) {
            typed.append(symbol);
            int separators = random.nextInt(3);
            for (int i = 0; i < separators; i++) {
                typed.append(random.nextBoolean() ? '-' : ' ');
            }
        }

        assertThat(TokenId.parseShortCode(compact)).isEqualTo(id);
        assertThat(TokenId.parseShortCode(" " + typed)).isEqualTo(id);
        assertThat(TokenId.parseShortCode(id.shortCode().replace('-', ' '))).isEqualTo(id);
    }

    @Property
    void parsingReadsLetterOAsZeroAndLettersIAndLAsOne(@ForAll("tokenIds") TokenId id, @ForAll Random random)
            throws InvalidTokenException {
        String code = id.shortCode();
        Assume.that(code.indexOf('0') >= 0 || code.indexOf('1') >= 0);
        StringBuilder misread = new StringBuilder();
        for (char symbol : code.toCharArray()) {
            misread.append(switch (symbol) {
                case '0' -> random.nextBoolean() ? 'O' : 'o';
                case '1' -> "IiLl".charAt(random.nextInt(4));
                default -> symbol;
            });
        }

        assertThat(TokenId.parseShortCode(misread.toString())).isEqualTo(id);
    }

    @Property
    void everySingleCharacterSubstitutionIsCaught(@ForAll("tokenIds") TokenId id) {
        String compact = compact(id.shortCode());
        for (int position = 0; position < compact.length(); position++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement == compact.charAt(position)) {
                    continue;
                }
                String typo = compact.substring(0, position) + replacement + compact.substring(position + 1);
                assertRejected(typo, InvalidTokenException.Reason.CHECK_MISMATCH);
            }
        }
    }

    @Property
    void everySwapOfTwoAdjacentDifferentCharactersIsCaught(@ForAll("tokenIds") TokenId id) {
        // The last pair is the last data character and the check character.
        String compact = compact(id.shortCode());
        for (int position = 0; position + 1 < compact.length(); position++) {
            char left = compact.charAt(position);
            char right = compact.charAt(position + 1);
            if (left == right) {
                continue;
            }
            String swapped = compact.substring(0, position) + right + left + compact.substring(position + 2);
            assertRejected(swapped, InvalidTokenException.Reason.CHECK_MISMATCH);
        }
    }

    private static void assertRejected(String typed, InvalidTokenException.Reason reason) {
        assertThatThrownBy(() -> TokenId.parseShortCode(typed))
                .as("typed %s", typed)
                .isInstanceOf(InvalidTokenException.class)
                .extracting(e -> ((InvalidTokenException) e).reason())
                .isEqualTo(reason);
    }

    private static String compact(String shortCode) {
        return shortCode.replace("-", "");
    }
}
