package org.threshold.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void an_explicit_choice_wins_over_accept_language() {
        assertThat(Messages.pick("fa", "ar, en;q=0.5")).isEqualTo(Locale.forLanguageTag("fa"));
        assertThat(Messages.pick("ar-SY", null)).isEqualTo(Locale.forLanguageTag("ar"));
    }

    @Test
    void accept_language_picks_the_best_supported_language() {
        assertThat(Messages.pick(null, "de-DE, uk;q=0.8, en;q=0.5")).isEqualTo(Locale.forLanguageTag("uk"));
        assertThat(Messages.pick(null, "es-419")).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(Messages.pick("xx", "fr-CA,fr;q=0.9")).isEqualTo(Locale.forLanguageTag("fr"));
    }

    @Test
    void anything_unsupported_or_malformed_falls_back_to_english() {
        assertThat(Messages.pick(null, null)).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.pick("de", "de, ti;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.pick(null, ";;;q=x,")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.of(Messages.ERRORS, Locale.GERMAN).locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void plurals_follow_each_language() {
        Messages english = Messages.of(Messages.ERRORS, Locale.ENGLISH);
        Messages arabic = Messages.of(Messages.ERRORS, Locale.forLanguageTag("ar"));
        assertThat(english.format("field.tooLong", Map.of("max", 1))).isEqualTo("at most 1 character");
        assertThat(english.format("field.tooLong", Map.of("max", 100))).isEqualTo("at most 100 characters");
        assertThat(arabic.format("field.tooLong", Map.of("max", 3))).isEqualTo("3 أحرف على الأكثر");
        assertThat(arabic.format("field.tooLong", Map.of("max", 100))).isEqualTo("100 حرف على الأكثر");
        assertThat(arabic.rightToLeft()).isTrue();
        assertThat(english.rightToLeft()).isFalse();
    }

    @Test
    void drafted_translations_are_marked_and_english_never_is() {
        assertThat(Messages.of(Messages.ERRORS, Locale.forLanguageTag("fr")).drafted("field.tooLong")).isTrue();
        assertThat(Messages.of(Messages.ERRORS, Locale.ENGLISH).drafted("field.tooLong")).isFalse();
    }
}
