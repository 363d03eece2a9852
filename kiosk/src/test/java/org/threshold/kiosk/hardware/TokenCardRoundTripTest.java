package org.threshold.kiosk.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.hardware.printer.escpos.CardFormat;
import org.threshold.hardware.printer.escpos.EscPosCard;
import org.threshold.hardware.printer.escpos.EscPosRasteriser;
import org.threshold.core.qr.QrCodes;

/** A token survives the whole way to paper and back: ESC/POS bytes, the rasteriser, ZXing, the signature. */
class TokenCardRoundTripTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @EnumSource(CardFormat.QrMode.class)
    void aPrintedTokenScansAndVerifies(CardFormat.QrMode qrMode) throws Exception {
        SigningKey kioskKey = SigningKey.generate(RANDOM);
        for (int paper : new int[] {CardFormat.PAPER_58MM_DOTS, CardFormat.PAPER_80MM_DOTS}) {
            CardFormat format = new CardFormat(paper, qrMode);
            IssuedToken issued = IssuedToken.issue(TokenId.random(RANDOM), "KIOSK-01", LocalDate.of(2026, 11, 24),
                    kioskKey);
            TokenCard card = new TokenCard(issued.id().shortCode(), issued.qrPayload(), "Palanca reception point",
                    issued.issuedOn(), issued.kioskId());

            byte[] escPos = EscPosCard.encode(card, format);
            String scanned = QrCodes.decode(EscPosRasteriser.render(escPos, paper));
            IssuedToken verified = IssuedToken.parseAndVerify(scanned, Map.of("KIOSK-01", kioskKey.verifyingKey())::get);

            assertThat(verified).isEqualTo(issued);
        }
    }
}
