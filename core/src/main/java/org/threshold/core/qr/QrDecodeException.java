package org.threshold.core.qr;

/** An image held no QR code that could be read. */
public final class QrDecodeException extends RuntimeException {

    public QrDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
