package org.threshold.hardware.printer.escpos;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.threshold.core.qr.QrCodes;

/**
 * Prints an ESC/POS byte stream onto an image, the way a 203 dpi printer would put it on paper. It is
 * written from the command reference, not from {@link EscPosCard}, so a card image made here proves the
 * bytes: the simulator's PNG and the tests look at what a printer would burn, not at what the kiosk
 * meant to send.
 *
 * <p>It knows the subset a token card uses (ESC @, ESC a, ESC d, ESC J, ESC 3, ESC 2, LF, GS v 0,
 * GS ( k for QR model 2, GS V) and refuses anything else by its offset, so a new command in the
 * encoder cannot slip through untested. Not thread-safe; make one per stream.
 */
public final class EscPosRasteriser {

    // Epson TM-T20 and its clones at 203 dpi: 1/6 inch line spacing is 30 dots (3.75 mm) after ESC @.
    private static final int DEFAULT_LINE_SPACING = 30;

    private final int widthDots;
    private final List<boolean[]> rows = new ArrayList<>();
    private int justification;
    private int lineSpacing = DEFAULT_LINE_SPACING;
    private int qrModuleDots = 3;
    private ErrorCorrectionLevel qrLevel = ErrorCorrectionLevel.L;
    private String qrData;

    private EscPosRasteriser(int widthDots) {
        this.widthDots = widthDots;
    }

    /**
     * Renders the stream on paper {@code widthDots} wide: white paper, black burnt dots.
     *
     * @throws IllegalArgumentException naming the offset of a truncated or unsupported command
     */
    public static BufferedImage render(byte[] stream, int widthDots) {
        EscPosRasteriser printer = new EscPosRasteriser(widthDots);
        printer.run(new Reader(stream));
        return printer.paper();
    }

    private void run(Reader in) {
        while (in.hasMore()) {
            int offset = in.position();
            int command = in.next();
            switch (command) {
                case EscPosCard.LF -> feed(lineSpacing);
                case EscPosCard.ESC -> escape(in, offset);
                case EscPosCard.GS -> groupSeparator(in, offset);
                default -> throw new IllegalArgumentException(String.format(
                        "Unsupported byte 0x%02X at offset %d: a token card sends no printer text", command, offset));
            }
        }
    }

    private void escape(Reader in, int offset) {
        int command = in.next();
        switch (command) {
            case '@' -> {
                justification = 0;
                lineSpacing = DEFAULT_LINE_SPACING;
                qrData = null;
            }
            case 'a' -> justification = in.next() % 48;
            case 'd' -> feed(in.next() * lineSpacing);
            case 'J' -> feed(in.next());
            case '3' -> lineSpacing = in.next();
            case '2' -> lineSpacing = DEFAULT_LINE_SPACING;
            default -> throw unsupported("ESC", command, offset);
        }
    }

    private void groupSeparator(Reader in, int offset) {
        int command = in.next();
        switch (command) {
            case 'v' -> {
                if (in.next() != '0') {
                    throw unsupported("GS v", '?', offset);
                }
                rasterImage(in);
            }
            case '(' -> {
                if (in.next() != 'k') {
                    throw unsupported("GS (", '?', offset);
                }
                qrFunction(in, offset);
            }
            case 'V' -> {
                int mode = in.next();
                if (mode == 65 || mode == 66) {
                    feed(in.next());
                }
            }
            default -> throw unsupported("GS", command, offset);
        }
    }

    private void rasterImage(Reader in) {
        int scale = in.next();
        int bytesPerRow = in.next() | in.next() << 8;
        int height = in.next() | in.next() << 8;
        // Modes 1-3 double the dots across, down or both.
        int scaleX = (scale & 1) == 1 ? 2 : 1;
        int scaleY = (scale & 2) == 2 ? 2 : 1;
        int imageWidth = bytesPerRow * 8 * scaleX;
        int left = left(imageWidth);
        for (int y = 0; y < height; y++) {
            boolean[] row = new boolean[widthDots];
            for (int column = 0; column < bytesPerRow; column++) {
                int bits = in.next();
                for (int bit = 0; bit < 8; bit++) {
                    if ((bits & (0x80 >> bit)) != 0) {
                        for (int repeat = 0; repeat < scaleX; repeat++) {
                            burn(row, left + (column * 8 + bit) * scaleX + repeat);
                        }
                    }
                }
            }
            for (int repeat = 0; repeat < scaleY; repeat++) {
                rows.add(row.clone());
            }
        }
    }

    private void qrFunction(Reader in, int offset) {
        int length = in.next() | in.next() << 8;
        int end = in.position() + length;
        int symbol = in.next();
        int function = in.next();
        if (symbol != 49) {
            throw new IllegalArgumentException("GS ( k at offset " + offset + " is for symbol " + symbol
                    + "; only QR (49) is supported");
        }
        switch (function) {
            case 65 -> in.skipTo(end);
            case 67 -> qrModuleDots = in.next();
            case 69 -> qrLevel = level(in.next() - 48, offset);
            case 80 -> {
                in.next();
                qrData = new String(in.bytes(end - in.position()), StandardCharsets.ISO_8859_1);
            }
            case 81 -> {
                in.skipTo(end);
                printQr(offset);
            }
            default -> throw new IllegalArgumentException("GS ( k function " + function + " at offset " + offset
                    + " is not supported");
        }
        if (in.position() != end) {
            throw new IllegalArgumentException("GS ( k at offset " + offset + " declares " + length
                    + " bytes but its function used " + (in.position() - end + length));
        }
    }

    /** What a printer does with stored QR data: encode it at the chosen level, whole dots per module. */
    private void printQr(int offset) {
        if (qrData == null) {
            throw new IllegalArgumentException("GS ( k at offset " + offset + " prints a QR code never stored");
        }
        BitMatrix matrix = QrCodes.encode(qrData, qrLevel);
        int side = (matrix.getWidth() + 2 * QrCodes.QUIET_ZONE_MODULES) * qrModuleDots;
        int left = left(side) + QrCodes.QUIET_ZONE_MODULES * qrModuleDots;
        feed(QrCodes.QUIET_ZONE_MODULES * qrModuleDots);
        for (int y = 0; y < matrix.getHeight() * qrModuleDots; y++) {
            boolean[] row = new boolean[widthDots];
            for (int x = 0; x < matrix.getWidth() * qrModuleDots; x++) {
                if (matrix.get(x / qrModuleDots, y / qrModuleDots)) {
                    burn(row, left + x);
                }
            }
            rows.add(row);
        }
        feed(QrCodes.QUIET_ZONE_MODULES * qrModuleDots);
    }

    private static ErrorCorrectionLevel level(int number, int offset) {
        return switch (number) {
            case 0 -> ErrorCorrectionLevel.L;
            case 1 -> ErrorCorrectionLevel.M;
            case 2 -> ErrorCorrectionLevel.Q;
            case 3 -> ErrorCorrectionLevel.H;
            default -> throw new IllegalArgumentException("GS ( k at offset " + offset + " asks for QR error"
                    + " correction " + number + "; ESC/POS knows 48-51");
        };
    }

    /** Left edge of an image of this width under the current justification; a printer clips what overhangs. */
    private int left(int imageWidth) {
        return switch (justification) {
            case 1 -> Math.max(0, (widthDots - imageWidth) / 2);
            case 2 -> Math.max(0, widthDots - imageWidth);
            default -> 0;
        };
    }

    private void burn(boolean[] row, int x) {
        if (x >= 0 && x < widthDots) {
            row[x] = true;
        }
    }

    private void feed(int dots) {
        for (int i = 0; i < dots; i++) {
            rows.add(new boolean[widthDots]);
        }
    }

    private BufferedImage paper() {
        BufferedImage image = new BufferedImage(widthDots, Math.max(1, rows.size()), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, widthDots, image.getHeight());
        } finally {
            graphics.dispose();
        }
        int black = Color.BLACK.getRGB();
        for (int y = 0; y < rows.size(); y++) {
            boolean[] row = rows.get(y);
            for (int x = 0; x < widthDots; x++) {
                if (row[x]) {
                    image.setRGB(x, y, black);
                }
            }
        }
        return image;
    }

    private static IllegalArgumentException unsupported(String prefix, int command, int offset) {
        return new IllegalArgumentException(String.format("Unsupported command %s 0x%02X at offset %d", prefix,
                command, offset));
    }

    /** Reads the stream and says where it ran out. */
    private static final class Reader {
        private final byte[] stream;
        private int position;

        Reader(byte[] stream) {
            this.stream = stream;
        }

        boolean hasMore() {
            return position < stream.length;
        }

        int position() {
            return position;
        }

        int next() {
            if (position >= stream.length) {
                throw new IllegalArgumentException("The stream ends inside a command at offset " + position);
            }
            return stream[position++] & 0xFF;
        }

        byte[] bytes(int count) {
            if (count < 0 || position + count > stream.length) {
                throw new IllegalArgumentException("The stream ends inside a command at offset " + position);
            }
            byte[] bytes = new byte[count];
            System.arraycopy(stream, position, bytes, 0, count);
            position += count;
            return bytes;
        }

        void skipTo(int end) {
            bytes(end - position);
        }
    }
}
