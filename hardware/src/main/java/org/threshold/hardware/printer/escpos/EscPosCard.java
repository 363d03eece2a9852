package org.threshold.hardware.printer.escpos;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.core.qr.QrCodes;

/**
 * The ESC/POS bytes of one token card: reset, centre, each block as a {@code GS v 0} bit image (or the
 * QR code as {@code GS ( k}), feed past the tear bar, cut. Only commands every Epson-compatible printer
 * of the last twenty years knows; {@link EscPosRasteriser} reads the same subset back.
 */
public final class EscPosCard {

    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;
    static final byte LF = 0x0A;

    static final byte[] INITIALISE = {ESC, '@'};
    static final byte[] CENTRE = {ESC, 'a', 1};
    // Feed so the last block clears the cutter, which sits about four lines above the print head.
    static final byte[] FEED_TO_CUTTER = {ESC, 'd', 4};
    // GS V 66 0: partial cut without further feed; a full cut drops the card on the floor.
    static final byte[] PARTIAL_CUT = {GS, 'V', 66, 0};

    private EscPosCard() {
    }

    public static byte[] encode(TokenCard card, CardFormat format) {
        return encode(card, format, QrCodes.CARD_LEVEL);
    }

    static byte[] encode(TokenCard card, CardFormat format, ErrorCorrectionLevel level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        out.writeBytes(INITIALISE);
        out.writeBytes(CENTRE);
        for (CardLayout.Block block : CardLayout.blocks(card, format, level)) {
            if (block instanceof CardLayout.Raster raster) {
                writeRaster(out, raster.image());
            } else if (block instanceof CardLayout.NativeQr qr) {
                writeNativeQr(out, qr);
            }
        }
        out.writeBytes(FEED_TO_CUTTER);
        out.writeBytes(PARTIAL_CUT);
        return out.toByteArray();
    }

    /** {@code GS v 0 m xL xH yL yH d...}: rows of bytes, most significant bit leftmost, 1 burns a dot. */
    static void writeRaster(ByteArrayOutputStream out, BufferedImage image) {
        int bytesPerRow = (image.getWidth() + 7) / 8;
        int rows = image.getHeight();
        out.writeBytes(new byte[] {GS, 'v', '0', 0,
                (byte) (bytesPerRow & 0xFF), (byte) (bytesPerRow >> 8), (byte) (rows & 0xFF), (byte) (rows >> 8)});
        for (int y = 0; y < rows; y++) {
            for (int column = 0; column < bytesPerRow; column++) {
                int bits = 0;
                for (int bit = 0; bit < 8; bit++) {
                    int x = column * 8 + bit;
                    if (x < image.getWidth() && (image.getRGB(x, y) & 0xFFFFFF) == 0) {
                        bits |= 0x80 >> bit;
                    }
                }
                out.write(bits);
            }
        }
    }

    /** Model 2, module size, error correction, store the data, print it: the {@code GS ( k} QR functions. */
    private static void writeNativeQr(ByteArrayOutputStream out, CardLayout.NativeQr qr) {
        qrFunction(out, 65, new byte[] {50, 0});
        qrFunction(out, 67, new byte[] {(byte) qr.moduleDots()});
        qrFunction(out, 69, new byte[] {(byte) (48 + levelNumber(qr.level()))});
        byte[] data = qr.payload().getBytes(StandardCharsets.US_ASCII);
        byte[] store = new byte[data.length + 1];
        store[0] = '0';
        System.arraycopy(data, 0, store, 1, data.length);
        qrFunction(out, 80, store);
        qrFunction(out, 81, new byte[] {'0'});
    }

    /** ESC/POS numbers levels L, M, Q, H as 0-3; ZXing's own ordinal is M, L, H, Q. */
    static int levelNumber(ErrorCorrectionLevel level) {
        return switch (level) {
            case L -> 0;
            case M -> 1;
            case Q -> 2;
            case H -> 3;
        };
    }

    private static void qrFunction(ByteArrayOutputStream out, int function, byte[] parameters) {
        int length = parameters.length + 2;
        out.writeBytes(new byte[] {GS, '(', 'k', (byte) (length & 0xFF), (byte) (length >> 8), 49, (byte) function});
        out.writeBytes(parameters);
    }
}
