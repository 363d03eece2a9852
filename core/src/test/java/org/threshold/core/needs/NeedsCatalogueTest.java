package org.threshold.core.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Looking codes up, and what staff read when a code is wrong. */
class NeedsCatalogueTest {

    private final NeedsCatalogue catalogue = NeedsCatalogue.bundled();

    @Test
    void findsEveryCodeByItself() {
        assertThat(catalogue.all()).allSatisfy(need -> {
            assertThat(catalogue.find(need.code())).contains(need);
            assertThat(catalogue.require(need.code())).isEqualTo(need);
        });
    }

    @Test
    void rejectsUamAndPointsToTheRealCode() {
        assertThat(catalogue.find("UAM")).isEmpty();
        assertThatThrownBy(() -> catalogue.require("UAM"))
                .isInstanceOf(UnknownNeedCodeException.class)
                .hasMessage("Unknown specific-needs code \"UAM\". "
                        + "Use a code from the catalogue (for example SC-UC for an unaccompanied child).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sc-uc", "Sc-Uc", " SC-UC", "SC-UC "})
    void acceptsOnlyTheExactUpperCaseFormAndSaysWhichOneToSend(String almost) {
        assertThat(catalogue.find(almost)).isEmpty();
        assertThatThrownBy(() -> catalogue.require(almost))
                .isInstanceOf(UnknownNeedCodeException.class)
                .hasMessage("Unknown specific-needs code \"" + almost + "\". "
                        + "Codes are upper-case without spaces: use SC-UC.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Amina", "Amina Yusuf", "Amina Yusuf, born 2011"})
    void doesNotRepeatInputThatIsNotShapedLikeACodeSinceItMayBePersonalData(String name) {
        assertThatThrownBy(() -> catalogue.require(name))
                .isInstanceOf(UnknownNeedCodeException.class)
                .hasMessageNotContaining("Amina")
                .hasMessageContaining("for example SC-UC");
    }

    @Test
    void refusesToCallAnUnknownCodeShareable() {
        assertThatThrownBy(() -> catalogue.isSensitive("SV-XX")).isInstanceOf(UnknownNeedCodeException.class);
    }

    @Test
    void cannotBeChangedThroughItsLists() {
        SpecificNeed extra = new SpecificNeed("XX", null, "Invented", true, false, false, false, Sensitivity.NONE, null);

        assertThatThrownBy(() -> catalogue.all().add(extra)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalogue.forDataEntry().add(extra))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
