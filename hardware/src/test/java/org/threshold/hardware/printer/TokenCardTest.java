package org.threshold.hardware.printer;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCardTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesBlankText(String blank) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenCard(blank, "TH1", "Palanca", DAY, "K1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenCard("7K3M", blank, "Palanca", DAY, "K1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenCard("7K3M", "TH1", blank, DAY, "K1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenCard("7K3M", "TH1", "Palanca", DAY, blank));
    }

    @Test
    void refusesMissingFields() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenCard(null, "TH1", "Palanca", DAY, "K1"));
        assertThatNullPointerException().isThrownBy(() -> new TokenCard("7K3M", "TH1", "Palanca", null, "K1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7k3m-q9xd", "7K3M--Q9XD", "-7K3M", "../../etc/passwd", "7K3M Q9XD"})
    void refusesShortCodesThatAreNotDashedGroupsOfCapitalsAndDigits(String shortCode) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenCard(shortCode, "TH1", "Palanca", DAY, "K1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"th1:abc", "TH1=ABC", "TH1:ÉCOLE"})
    void refusesPayloadsOutsideTheQrAlphanumericSet(String payload) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenCard("7K3M", payload, "Palanca", DAY, "K1"));
    }
}
