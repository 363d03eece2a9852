package org.threshold.core.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void encodesOneCellPerModuleWithoutAQuietZone() {
        BitMatrix matrix = QrCodes.encode("TH1:7K3MQ9XD2HPTVB6R", ErrorCorrectionLevel.M);

        // Version 1 is 21 modules across, and its finder pattern starts in the very first cell.
        assertThat(matrix.getWidth()).isEqualTo(21);
        assertThat(matrix.get(0, 0)).isTrue();
    }

    @Test
    void cardsAreEncodedAtLevelQ() {
        // 20 alphanumeric characters fit version 1 at M (20) but need version 2 (25 modules) at Q (16).
        assertThat(QrCodes.encode("TH1:7K3MQ9XD2HPTVB6R").getWidth()).isEqualTo(25);
    }

    @Test
    void refusesAPayloadBeyondTheLargestQrCode() {
        assertThatThrownBy(() -> QrCodes.encode("A".repeat(5000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5000 characters");
    }

    @Test
    void readsACodeThatZxingsSingleCodeFinderMisses() {
        // Found by CardRenderingProperties: ZXing 3.5.3's QRCodeReader finds no code in this clean image.
        BufferedImage image = printed(QrCodes.encode("00D000AB", ErrorCorrectionLevel.M), 12);

        assertThat(QrCodes.decode(image)).isEqualTo("00D000AB");
    }

    @Test
    void anImageWithoutACodeSaysSo() {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = blank.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 200, 200);
        graphics.dispose();

        assertThatThrownBy(() -> QrCodes.decode(blank))
                .isInstanceOf(QrDecodeException.class)
                .hasMessageContaining("scan again");
    }

    private static BufferedImage printed(BitMatrix matrix, int moduleSize) {
        int side = (matrix.getWidth() + 2 * QrCodes.QUIET_ZONE_MODULES) * moduleSize;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, side, side);
        graphics.setColor(Color.BLACK);
        int origin = QrCodes.QUIET_ZONE_MODULES * moduleSize;
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    graphics.fillRect(origin + column * moduleSize, origin + row * moduleSize, moduleSize, moduleSize);
                }
            }
        }
        graphics.dispose();
        return image;
    }
}
