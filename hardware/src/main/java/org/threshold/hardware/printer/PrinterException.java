package org.threshold.hardware.printer;

/**
 * A card was not printed. The message is shown to reception staff, so it says what went wrong and what
 * to do next, and never holds personal data.
 */
public final class PrinterException extends RuntimeException {

    public PrinterException(String message) {
        super(message);
    }

    public PrinterException(String message, Throwable cause) {
        super(message, cause);
    }
}
