package org.threshold.core.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.threshold.core.i18n.Messages;

class NeedLabelsTest {
    private final NeedsCatalogue catalogue = NeedsCatalogue.bundled();

    @Test
    void the_english_bundle_repeats_the_catalogue_labels_for_every_code() {
        NeedLabels english = NeedLabels.in(Locale.ENGLISH);
        for (SpecificNeed need : catalogue.all()) {
            assertThat(english.of(need)).isEqualTo(new NeedLabels.Label(need.label(), false));
        }
    }

    @Test
    void every_code_has_its_own_label_in_every_language_marked_as_drafted() {
        for (Locale locale : Messages.SUPPORTED.subList(1, Messages.SUPPORTED.size())) {
            NeedLabels labels = NeedLabels.in(locale);
            for (SpecificNeed need : catalogue.all()) {
                NeedLabels.Label label = labels.of(need);
                assertThat(label.drafted()).as(need.code() + " in " + locale).isTrue();
                assertThat(label.text()).as(need.code() + " in " + locale).isNotBlank();
            }
        }
        assertThat(NeedLabels.in(Locale.forLanguageTag("ar")).of(catalogue.require("SC-UC")).text())
                .isEqualTo("طفل غير مصحوب");
    }

    @Test
    void a_code_the_bundle_does_not_know_keeps_its_english_label() {
        SpecificNeed newer = new SpecificNeed("ZZ-NW", "ZZ", "A code from a newer catalogue", true, false, false, false,
                Sensitivity.NONE, null);
        assertThat(NeedLabels.in(Locale.forLanguageTag("fr")).of(newer))
                .isEqualTo(new NeedLabels.Label("A code from a newer catalogue", false));
    }
}
