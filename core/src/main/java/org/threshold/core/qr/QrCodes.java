package org.threshold.core.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * The one place token QR codes are made and read, so every printer renders the same modules and the kiosk's
 * scanner and the hub's photo upload read them the same way. In core (computation on images, no I/O) because both
 * the kiosk's hardware and the hub use it. Thread-safe: no state is shared between calls.
 */
public final class QrCodes {

    /** White modules every renderer must leave around the matrix; ISO/IEC 18004 asks for four. */
    public static final int QUIET_ZONE_MODULES = 4;

    /*
     * Printed cards use level Q: a card lives for weeks in a pocket, and Q restores about 25% of
     * codewords (creases, a thumb smudge, a wet patch) where M restores 15%. For a 142-character token
     * Q needs version 8 (49 modules) instead of version 6 (41), which on a 58 mm roll means 6 dots a
     * module instead of 7. DegradedPrintTest measures the trade: with an ink blot over 10-20% of the code
     * Q still reads 97% of cards and M 73%; with heavy speckle or faded ink M's larger modules win by a
     * few cards in thirty (93% against 83%, 97% against 90%). Ink and creases are what weeks in a pocket
     * do, so Q.
     */
    public static final ErrorCorrectionLevel CARD_LEVEL = ErrorCorrectionLevel.Q;

    private static final Map<DecodeHintType, Object> DECODE_HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    private QrCodes() {
    }

    /** Encodes at {@link #CARD_LEVEL}; see {@link #encode(String, ErrorCorrectionLevel)}. */
    public static BitMatrix encode(String payload) {
        return encode(payload, CARD_LEVEL);
    }

    /**
     * Encodes without a quiet zone, one matrix cell per module; the renderer scales it and adds
     * {@link #QUIET_ZONE_MODULES}.
     *
     * @throws IllegalArgumentException if the payload is empty or too long for a QR code
     */
    public static BitMatrix encode(String payload, ErrorCorrectionLevel level) {
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.ERROR_CORRECTION, level, EncodeHintType.MARGIN, 0);
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException(
                    "A payload of " + payload.length() + " characters does not fit in a QR code", e);
        }
    }

    /**
     * Finds and reads the QR code in an image.
     *
     * @throws QrDecodeException if the image holds no readable QR code
     */
    public static String decode(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new MultiFormatReader().decode(bitmap, DECODE_HINTS).getText();
        } catch (ReaderException missed) {
            return decodeWithMultiReader(bitmap, missed);
        }
    }

    /*
     * ZXing 3.5's single-code finder misses about 1 in 130 clean codes it wrote itself (zxing/zxing#1976:
     * 155 of 20,000 random payloads). The multi-code finder picks finder patterns differently and read
     * all 155, so it gets a second look before the operator is told to rescan.
     */
    private static String decodeWithMultiReader(BinaryBitmap bitmap, ReaderException missed) {
        Result[] found;
        try {
            found = new QRCodeMultiReader().decodeMultiple(bitmap, DECODE_HINTS);
        } catch (ReaderException e) {
            e.addSuppressed(missed);
            throw notReadable(e);
        }
        // The multi reader answers an empty array, not an exception, when every candidate failed to decode.
        if (found.length == 0) {
            throw notReadable(missed);
        }
        return found[0].getText();
    }

    private static QrDecodeException notReadable(ReaderException cause) {
        return new QrDecodeException(
                "No readable QR code in the image; hold the card flat and in good light, then scan again", cause);
    }
}
