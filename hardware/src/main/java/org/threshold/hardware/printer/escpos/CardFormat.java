package org.threshold.hardware.printer.escpos;

import org.threshold.hardware.HardwareException;
import org.threshold.hardware.HardwareSettings;

/**
 * The paper and QR command a printer takes.
 *
 * @param widthDots printable dots across: 384 on a 58 mm roll, 576 on an 80 mm roll, at 203 dpi
 * @param qrMode    how the QR code reaches the paper
 */
public record CardFormat(int widthDots, QrMode qrMode) {

    public static final int PAPER_58MM_DOTS = 384;
    public static final int PAPER_80MM_DOTS = 576;

    public static final CardFormat PAPER_58MM = new CardFormat(PAPER_58MM_DOTS, QrMode.RASTER);

    public CardFormat {
        if (widthDots != PAPER_58MM_DOTS && widthDots != PAPER_80MM_DOTS) {
            throw new IllegalArgumentException("A card is " + PAPER_58MM_DOTS + " dots wide (58 mm paper) or "
                    + PAPER_80MM_DOTS + " (80 mm paper), not " + widthDots);
        }
        if (qrMode == null) {
            throw new IllegalArgumentException("A card format needs a QR mode");
        }
    }

    /** {@code printer.paper} (58 or 80, millimetres) and {@code printer.qr} (raster or native). */
    public static CardFormat from(HardwareSettings settings) {
        int width = switch (settings.get("printer.paper", "58")) {
            case "58" -> PAPER_58MM_DOTS;
            case "80" -> PAPER_80MM_DOTS;
            default -> throw new HardwareException("printer.paper is the roll width in millimetres: 58 or 80.");
        };
        QrMode qr = switch (settings.get("printer.qr", "raster")) {
            case "raster" -> QrMode.RASTER;
            case "native" -> QrMode.NATIVE;
            default -> throw new HardwareException("printer.qr is raster (any printer) or native (GS ( k).");
        };
        return new CardFormat(width, qr);
    }

    /** How the QR code is sent to the printer. */
    public enum QrMode {
        /**
         * As a {@code GS v 0} bit image. Every ESC/POS printer prints it the same, and the dots on paper
         * are exactly the ones the kiosk computed and tested.
         */
        RASTER,
        /**
         * As the printer's own QR command ({@code GS ( k}): fewer bytes, but older and cheaper printers
         * ignore it silently, so it is opt-in for printers known to support it.
         */
        NATIVE
    }
}
