package org.threshold.hardware.printer.escpos;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.core.qr.QrCodes;

/**
 * Lays a token card out as the blocks a thermal printer burns one after the other, at 203 dpi and one
 * bit per dot: site and date, the QR code, the short code large, the kiosk id small, and a pictogram
 * saying "keep this card and show it" without words. No name and no need: {@link TokenCard} holds none.
 *
 * <p>Text is drawn here rather than sent as printer text: printer code pages have no Arabic, Tigrinya or
 * Dari, and a site may be named in any of them.
 */
final class CardLayout {

    static {
        // A kiosk renders cards without a display; respect an explicit choice made by whoever started the JVM.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final int MARGIN_PX = 12;
    private static final int GAP_PX = 6;
    private static final int SMALLEST_FONT_SIZE = 9;

    /*
     * Module size at 203 dpi (8 dots per mm). A thermal head bleeds about one dot into its neighbours, so
     * at 3 or 4 dots a white module loses a third of its width; from 5 dots on it survives heat and cheap
     * paper. Hand scanners and phone cameras read 0.6-1 mm modules from 10-25 cm. So: the largest whole
     * number of dots that fits the roll, at least 5 and at most 8 (1 mm). A real token at level Q is a
     * version 8 symbol, 57 modules with its quiet zone: 6 dots (0.75 mm, a 43 mm code) on 58 mm paper and
     * 8 dots (1 mm, 57 mm) on 80 mm paper, small enough for a phone to frame at arm's length.
     */
    static final int SMALLEST_MODULE_DOTS = 5;
    static final int LARGEST_MODULE_DOTS = 8;

    private static final Font SITE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    private static final Font DATE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
    private static final Font SHORT_CODE_FONT = new Font(Font.MONOSPACED, Font.BOLD, 44);
    private static final Font KIOSK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final int PICTOGRAM_HEIGHT_PX = 72;

    // Thermal dots are on or off: no anti-aliasing, and whole-pixel glyph advances to match.
    private static final FontRenderContext DOTS = new FontRenderContext(null, false, false);

    private CardLayout() {
    }

    /** One thing the printer burns: a bit image, or a QR code the printer draws itself. */
    sealed interface Block permits Raster, NativeQr {
    }

    /** A 1-bit image as wide as the paper, black dots burnt. */
    record Raster(BufferedImage image) implements Block {
    }

    /** A QR code for the printer's own {@code GS ( k} command. */
    record NativeQr(String payload, ErrorCorrectionLevel level, int moduleDots) implements Block {
    }

    static List<Block> blocks(TokenCard card, CardFormat format) {
        return blocks(card, format, QrCodes.CARD_LEVEL);
    }

    /** With another error correction level, for the tests that compare levels. */
    static List<Block> blocks(TokenCard card, CardFormat format, ErrorCorrectionLevel level) {
        int width = format.widthDots();
        BitMatrix qr = QrCodes.encode(card.qrPayload(), level);
        int moduleDots = moduleDots(qr, width, card.qrPayload().length());
        List<Block> blocks = new ArrayList<>();
        List<TextLine> header = new ArrayList<>(List.of(TextLine.fitted(card.site(), SITE_FONT, width),
                TextLine.fitted(card.issuedOn().toString(), DATE_FONT, width)));
        if (card.copy()) {
            header.add(TextLine.fitted("COPY", SITE_FONT, width));
        }
        blocks.add(new Raster(text(width, header)));
        blocks.add(switch (format.qrMode()) {
            case RASTER -> new Raster(qrImage(qr, width, moduleDots));
            case NATIVE -> new NativeQr(card.qrPayload(), level, moduleDots);
        });
        blocks.add(new Raster(text(width, List.of(
                TextLine.fitted(card.shortCode(), SHORT_CODE_FONT, width),
                TextLine.fitted(card.kioskId(), KIOSK_FONT, width)))));
        blocks.add(new Raster(pictogram(width)));
        return blocks;
    }

    private static int moduleDots(BitMatrix qr, int width, int payloadLength) {
        int sideModules = qr.getWidth() + 2 * QrCodes.QUIET_ZONE_MODULES;
        // The quiet zone is white paper already, so it may reach the edges of the roll.
        int moduleDots = Math.min(LARGEST_MODULE_DOTS, width / sideModules);
        if (moduleDots < SMALLEST_MODULE_DOTS) {
            throw new IllegalArgumentException("A QR payload of " + payloadLength
                    + " characters gives modules too small to scan on a " + width + "-dot card");
        }
        return moduleDots;
    }

    /** The QR code with its quiet zone, centred, whole dots per module so every module edge is sharp. */
    static BufferedImage qrImage(BitMatrix qr, int width, int moduleDots) {
        int side = (qr.getWidth() + 2 * QrCodes.QUIET_ZONE_MODULES) * moduleDots;
        BufferedImage image = blank(width, side);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.BLACK);
            int left = (width - side) / 2 + QrCodes.QUIET_ZONE_MODULES * moduleDots;
            int top = QrCodes.QUIET_ZONE_MODULES * moduleDots;
            for (int row = 0; row < qr.getHeight(); row++) {
                for (int column = 0; column < qr.getWidth(); column++) {
                    if (qr.get(column, row)) {
                        graphics.fillRect(left + column * moduleDots, top + row * moduleDots, moduleDots, moduleDots);
                    }
                }
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static BufferedImage text(int width, List<TextLine> lines) {
        int height = lines.stream().mapToInt(line -> line.height() + GAP_PX).sum();
        BufferedImage image = blank(width, height);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            graphics.setColor(Color.BLACK);
            int y = 0;
            for (TextLine line : lines) {
                graphics.setFont(line.font());
                graphics.drawString(line.text(), (width - line.width()) / 2, y + line.ascent());
                y += line.height() + GAP_PX;
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /**
     * A person, an arrow, and a person behind a desk holding up this card: "show this card at each
     * service", readable whatever language the holder reads, and the same on every card.
     */
    private static BufferedImage pictogram(int width) {
        int h = PICTOGRAM_HEIGHT_PX;
        BufferedImage image = blank(width, h + GAP_PX);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.BLACK);
            graphics.setStroke(new BasicStroke(4f));
            int centre = width / 2;
            person(graphics, centre - 110, h);
            card(graphics, centre - 78, h / 2 - 14);
            arrow(graphics, centre - 30, centre + 30, h / 2);
            // The service: a person behind a desk.
            person(graphics, centre + 80, h);
            graphics.fillRect(centre + 52, h - 24, 64, 6);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static void person(Graphics2D graphics, int x, int bottom) {
        graphics.fillOval(x - 10, bottom - 70, 20, 20);
        graphics.fillRoundRect(x - 16, bottom - 46, 32, 46, 14, 14);
    }

    private static void card(Graphics2D graphics, int x, int y) {
        graphics.drawRect(x, y, 30, 22);
        graphics.fillRect(x + 5, y + 5, 12, 12);
    }

    private static void arrow(Graphics2D graphics, int from, int to, int y) {
        graphics.drawLine(from, y, to - 10, y);
        Path2D head = new Path2D.Double();
        head.moveTo(to, y);
        head.lineTo(to - 14, y - 10);
        head.lineTo(to - 14, y + 10);
        head.closePath();
        graphics.fill(head);
    }

    private static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private record TextLine(String text, Font font, int width, int ascent, int height) {

        /**
         * Shrinks the font until the text fits across the card. Glyphs under 9 dots tall are a smudge, so
         * a text that still does not fit is clipped at both edges instead.
         */
        static TextLine fitted(String text, Font preferred, int cardWidth) {
            int contentWidth = cardWidth - 2 * MARGIN_PX;
            Font font = preferred;
            while (widthOf(text, font) > contentWidth && font.getSize() > SMALLEST_FONT_SIZE) {
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
