package org.threshold.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person at the desk is told when a typed code cannot be read. */
class TokenIdTest {

    private static final TokenId ID = TokenId.fromBytes(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});

    @Test
    void encodesTheEightyBitsAsSixteenCrockfordSymbolsAndACheck() {
        // 00000000 00000001 00000010 ... read five bits at a time.
        assertThat(ID.code()).isEqualTo("000G40R40M30E209");
        assertThat(ID.shortCode()).matches("000G-40R4-0M30-E209-[0-9A-Z]");
        assertThat(ID.toString()).isEqualTo(ID.shortCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "000G-40R4-0M30-E209", "000G-40R4-0M30-E209-XX", "000G40R40M30E2"})
    void rejectsACodeOfTheWrongLengthAsMalformed(String typed) {
        assertThatThrownBy(() -> TokenId.parseShortCode(typed))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("17 characters")
                .extracting(e -> ((InvalidTokenException) e).reason())
                .isEqualTo(InvalidTokenException.Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(chars = {'U', 'u', '*', '.', '#', 'é'})
    void rejectsACharacterOutsideTheAlphabetAndNamesIt(char outsider) {
        String typed = outsider + ID.shortCode().substring(1);

        assertThatThrownBy(() -> TokenId.parseShortCode(typed))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("\"" + outsider + "\"")
                .extracting(e -> ((InvalidTokenException) e).reason())
                .isEqualTo(InvalidTokenException.Reason.INVALID_CHARACTER);
    }

    @Test
    void idsAreExactlyTenBytes() {
        assertThatThrownBy(() -> TokenId.fromBytes(new byte[9])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenId.fromBytes(new byte[11])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handsOutCopiesOfItsBytes() {
        byte[] bytes = ID.toBytes();
        bytes[0] = 42;

        assertThat(ID.toBytes()[0]).isZero();
    }
}
