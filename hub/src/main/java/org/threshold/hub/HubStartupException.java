package org.threshold.hub;

/** The hub cannot start; the message says what to fix (it never holds a secret or personal data). */
public final class HubStartupException extends RuntimeException {
    public HubStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
