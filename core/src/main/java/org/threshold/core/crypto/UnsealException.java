package org.threshold.core.crypto;

/** A sealed payload failed to open: tampered, truncated or sealed to another key. */
public final class UnsealException extends Exception {
    public UnsealException(String message) {
        super(message);
    }
}
