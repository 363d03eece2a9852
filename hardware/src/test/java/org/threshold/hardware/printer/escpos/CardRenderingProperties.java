package org.threshold.hardware.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.core.qr.QrCodes;

class CardRenderingProperties {

    @Property(tries = 200)
    void everyAlphanumericPayloadReadsBackFromThePrintedBytes(
            @ForAll @NotBlank @StringLength(min = 1, max = 200)
            @CharRange(from = '0', to = '9') @CharRange(from = 'A', to = 'Z')
            @Chars({' ', '$', '%', '*', '+', '-', '.', '/', ':'}) String payload) {
        assertThat(QrCodes.decode(printed(cardCarrying(payload), CardFormat.PAPER_58MM))).isEqualTo(payload);
    }

    @Example
    void aLongSiteNameShrinksRatherThanCoveringTheCode() {
        TokenCard card = new TokenCard("7K3M-Q9XD-2HPT-VB6R-F", "TH1:7K3MQ9XD2HPTVB6R",
                "Centre d'accueil temporaire pour personnes déplacées, poste frontière de Palanca",
                LocalDate.of(2026, 11, 24), "KIOSK-01");

        assertThat(QrCodes.decode(printed(card, CardFormat.PAPER_58MM))).isEqualTo("TH1:7K3MQ9XD2HPTVB6R");
    }

    @Example
    void refusesAPayloadWhoseModulesWouldBeTooSmallToScan() {
        TokenCard card = cardCarrying("A".repeat(1500));

        assertThatThrownBy(() -> EscPosCard.encode(card, CardFormat.PAPER_58MM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1500 characters");
    }

    @Property(tries = 50)
    void theNativeQrCommandPrintsTheSamePayload(
            @ForAll @NotBlank @StringLength(min = 1, max = 200)
            @CharRange(from = '0', to = '9') @CharRange(from = 'A', to = 'Z') String payload) {
        CardFormat nativeQr = new CardFormat(CardFormat.PAPER_80MM_DOTS, CardFormat.QrMode.NATIVE);

        assertThat(QrCodes.decode(printed(cardCarrying(payload), nativeQr))).isEqualTo(payload);
    }

    private static java.awt.image.BufferedImage printed(TokenCard card, CardFormat format) {
        return EscPosRasteriser.render(EscPosCard.encode(card, format), format.widthDots());
    }

    private static TokenCard cardCarrying(String payload) {
        return new TokenCard("7K3M-Q9XD-2HPT-VB6R-F", payload, "Palanca", LocalDate.of(2026, 11, 24), "KIOSK-01");
    }
}
