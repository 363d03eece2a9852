package org.threshold.hardware;

/** The hardware settings are wrong; the message names the key and what to write instead. */
public final class HardwareException extends RuntimeException {

    public HardwareException(String message) {
        super(message);
    }

    public HardwareException(String message, Throwable cause) {
        super(message, cause);
    }
}
