package org.threshold.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameTermsTest {
    @Test
    void aminaMeetsHerselfInLatinArabicCyrillicAndGeez() {
        for (String a : List.of("Amina", "أمينة", "Амина", "አሚና", "AMINA", "amína")) {
            for (String b : List.of("Amina", "أمينة", "Амина", "አሚና")) {
                assertThat(matches(a, b)).as(a + " finds " + b).isTrue();
            }
        }
    }

    @Test
    void latinWordsComeFromEveryScript() {
        assertThat(NameTerms.latinWords("Амина")).containsExactly("amina");
        assertThat(NameTerms.latinWords("አሚና")).containsExactly("amina");
        assertThat(NameTerms.latinWords("  Al-Zoubi  Nourhan ")).containsExactly("al", "zoubi", "nourhan");
        assertThat(NameTerms.latinWords("ﬁrst")).as("NFKC unfolds ligatures").containsExactly("first");
        assertThat(NameTerms.latinWords("STRASSE straße")).containsExactly("strasse", "strasse");
    }

    @Test
    void easternArabicAndPersianDigitsFoldToAscii() {
        assertThat(NameTerms.latinWords("بيت ٣٤")).endsWith("34");
    }

    @Test
    void arabicNamesMeetTheirLatinSpellings() {
        assertThat(matches("نورهان", "Nourhan")).isTrue();
        assertThat(matches("محمد", "Mohammed")).isTrue();
        assertThat(matches("Мухаммед", "محمد")).isTrue();
        assertThat(matches("الزعبي", "Zoubi")).as("the article is optional").isTrue();
    }

    @Test
    void differentNamesDoNotMeet() {
        assertThat(matches("Amina", "Nourhan")).isFalse();
        assertThat(matches("Fatima", "Mohammed")).isFalse();
        assertThat(NameTerms.termsPerWord("   ")).isEmpty();
        assertThat(NameTerms.termsPerWord(null)).isEmpty();
    }

    private static boolean matches(String query, String indexed) {
        Set<String> index = NameTerms.forIndex(indexed);
        return NameTerms.termsPerWord(query).stream().allMatch(word -> !Collections.disjoint(word, index));
    }
}
