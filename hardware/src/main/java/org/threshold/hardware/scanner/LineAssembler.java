package org.threshold.hardware.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines at CR, LF or CR LF, as scanners end them. A line longer than any
 * barcode is dropped whole rather than grown without bound. Not thread-safe: one per reader.
 */
final class LineAssembler {

    // A QR code holds at most 4,296 alphanumeric characters.
    static final int LONGEST_LINE = 4_296;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Consumer<String> lines;
    private boolean overlong;

    LineAssembler(Consumer<String> lines) {
        this.lines = lines;
    }

    void accept(byte[] bytes, int count) {
        for (int i = 0; i < count; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                if (line.size() > 0 && !overlong) {
                    lines.accept(line.toString(StandardCharsets.ISO_8859_1));
                }
                line.reset();
                overlong = false;
            } else if (line.size() < LONGEST_LINE) {
                line.write(b);
            } else {
                overlong = true;
            }
        }
    }
}
