package org.threshold.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatinSuggestionTest {
    @Test
    void names_in_other_scripts_get_a_capitalised_latin_spelling() {
        assertThat(LatinSuggestion.of("Амина")).isEqualTo("Amina");
        assertThat(LatinSuggestion.of("Олена Шевченко")).isEqualTo("Olena Sevcenko");
        assertThat(LatinSuggestion.of("نورهان")).isEqualTo("Nwrhan");
        assertThat(LatinSuggestion.of("  Nourhan  ")).isEqualTo("Nourhan");
    }
}
