package org.threshold.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Fails the build when any bundle on the class path misses a language or a key, or breaks a pattern. */
class MessageBundlesTest {
    @Test
    void every_bundle_has_every_key_in_every_language() {
        Map<String, Map<String, Properties>> bundles = BundleCheck.discover();
        assertThat(bundles).containsKeys(Messages.ERRORS, Messages.CATALOGUE);
        assertThat(BundleCheck.problems(bundles)).isEmpty();
    }

    @Test
    void the_check_finds_a_missing_key_a_missing_language_and_a_changed_argument() {
        Map<String, Properties> byLanguage = new TreeMap<>();
        byLanguage.put("", properties("a", "{count, plural, one {# card} other {# cards}}", "b", "Hello"));
        for (String language : new String[] {"fr", "ar", "fa", "uk"}) {
            byLanguage.put(language, properties("a", "{count, plural, other {#}}", "b", "x"));
        }
        byLanguage.put("fr", properties("a", "{total} cartes"));
        assertThat(BundleCheck.problems(Map.of("sample", byLanguage))).containsExactlyInAnyOrder(
                "sample: no file for es",
                "sample_fr: missing key b",
                "sample_fr: a uses arguments [total] but English uses [count]");
    }

    @Test
    void the_check_rejects_a_broken_pattern() {
        Map<String, Properties> byLanguage = new TreeMap<>();
        byLanguage.put("", properties("a", "{count, plural, one {# card} other {# cards}"));
        assertThat(BundleCheck.problems(Map.of("broken", byLanguage)))
                .anyMatch(problem -> problem.startsWith("broken: a is not a valid ICU MessageFormat pattern"));
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
