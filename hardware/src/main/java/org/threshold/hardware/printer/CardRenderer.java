package org.threshold.hardware.printer;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;
import java.util.List;
import org.threshold.hardware.qr.QrCodes;

/**
 * Lays a token card out as a 58 mm thermal receipt: 384 dots across at 203 dpi, one bit per dot, so the
 * image shows exactly what the paper will. Site and date on top, the QR code, the short code large,
 * the kiosk id small.
 */
final class CardRenderer {

    static {
        // A kiosk renders cards without a display; respect an explicit choice made by whoever started the JVM.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final int WIDTH_PX = 384;

    private static final int MARGIN_PX = 12;
    private static final int CONTENT_WIDTH_PX = WIDTH_PX - 2 * MARGIN_PX;
    private static final int GAP_PX = 6;
    private static final int SMALLEST_FONT_SIZE = 9;
    // Narrower than 3 dots (0.375 mm), modules run into each other on thermal paper.
    private static final int SMALLEST_MODULE_PX = 3;

    private static final Font SITE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 24);
    private static final Font DATE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
    private static final Font SHORT_CODE_FONT = new Font(Font.MONOSPACED, Font.BOLD, 32);
    private static final Font KIOSK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    // Thermal dots are on or off: no anti-aliasing, and whole-pixel glyph advances to match.
    private static final FontRenderContext DOTS = new FontRenderContext(null, false, false);

    private CardRenderer() {
    }

    static BufferedImage render(TokenCard card) {
        BitMatrix qr = QrCodes.encode(card.qrPayload());
        int sideModules = qr.getWidth() + 2 * QrCodes.QUIET_ZONE_MODULES;
        // Whole pixels per module keep every module edge sharp; the quiet zone is white like the margins.
        int moduleSize = CONTENT_WIDTH_PX / sideModules;
        if (moduleSize < SMALLEST_MODULE_PX) {
            throw new IllegalArgumentException("A QR payload of " + card.qrPayload().length()
                    + " characters gives modules too small to scan on a 58 mm card");
        }
        int qrSizePx = sideModules * moduleSize;

        List<TextLine> header = List.of(
                TextLine.fitted(card.site(), SITE_FONT),
                TextLine.fitted(card.issuedOn().toString(), DATE_FONT));
        List<TextLine> footer = List.of(
                TextLine.fitted(card.shortCode(), SHORT_CODE_FONT),
                TextLine.fitted(card.kioskId(), KIOSK_FONT));

        int height = MARGIN_PX + heightOf(header) + qrSizePx + heightOf(footer) + MARGIN_PX;
        BufferedImage image = new BufferedImage(WIDTH_PX, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, WIDTH_PX, height);
            graphics.setColor(Color.BLACK);

            int qrTop = drawLines(graphics, header, MARGIN_PX);
            drawQr(graphics, qr, (WIDTH_PX - qrSizePx) / 2, qrTop, moduleSize);
            drawLines(graphics, footer, qrTop + qrSizePx);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static int heightOf(List<TextLine> lines) {
        return lines.stream().mapToInt(line -> line.height() + GAP_PX).sum();
    }

    /** Draws the lines centred, one below the other, and returns the y below the last. */
    private static int drawLines(Graphics2D graphics, List<TextLine> lines, int top) {
        int y = top;
        for (TextLine line : lines) {
            graphics.setFont(line.font());
            graphics.drawString(line.text(), (WIDTH_PX - line.width()) / 2, y + line.ascent());
            y += line.height() + GAP_PX;
        }
        return y;
    }

    private static void drawQr(Graphics2D graphics, BitMatrix qr, int left, int top, int moduleSize) {
        int origin = QrCodes.QUIET_ZONE_MODULES * moduleSize;
        for (int row = 0; row < qr.getHeight(); row++) {
            for (int column = 0; column < qr.getWidth(); column++) {
                if (qr.get(column, row)) {
                    graphics.fillRect(left + origin + column * moduleSize, top + origin + row * moduleSize,
                            moduleSize, moduleSize);
                }
            }
        }
    }

    private record TextLine(String text, Font font, int width, int ascent, int height) {

        /**
         * Shrinks the font until the text fits across the card. Glyphs under 9 dots tall are a smudge, so
         * a text that still does not fit is clipped at both edges instead.
         */
        static TextLine fitted(String text, Font preferred) {
            Font font = preferred;
            while (widthOf(text, font) > CONTENT_WIDTH_PX && font.getSize() > SMALLEST_FONT_SIZE) {
                font = font.deriveFont((float) font.getSize() - 1);
            }
            LineMetrics metrics = font.getLineMetrics(text, DOTS);
            int ascent = (int) Math.ceil(metrics.getAscent());
            int height = ascent + (int) Math.ceil(metrics.getDescent());
            return new TextLine(text, font, widthOf(text, font), ascent, height);
        }

        private static int widthOf(String text, Font font) {
            return (int) Math.ceil(font.getStringBounds(text, DOTS).getWidth());
        }
    }
}
