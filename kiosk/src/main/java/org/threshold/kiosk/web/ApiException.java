package org.threshold.kiosk.web;

import java.util.Map;

/**
 * An answer other than success that the web layer decides itself (locked, not found, malformed
 * request). The message is shown to staff: it says what to do and never repeats what was sent.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String reason;
    private final Map<String, String> headers;

    ApiException(int status, String reason, String message) {
        this(status, reason, message, Map.of());
    }

    ApiException(int status, String reason, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.headers = Map.copyOf(headers);
    }

    static ApiException locked() {
        return new ApiException(401, "LOCKED",
                "The kiosk is locked. Unlock it with your operator name and passphrase.");
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    Map<String, String> headers() {
        return headers;
    }
}
