package org.threshold.hub.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the hub turns down: the HTTP status, a machine-readable reason and a message that says what to
 * do. {@link ErrorResponses} renders every one the same way. Messages never repeat personal data.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String reason;
    private final Duration retryAfter;

    public ApiException(int status, String reason, String message) {
        this(status, reason, message, null);
    }

    private ApiException(int status, String reason, String message, Duration retryAfter) {
        // No stack trace: this is an answer to the client, not a fault in the hub.
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    /** 429 with a {@code Retry-After} header. */
    public static ApiException tooManyAttempts(String message, Duration retryAfter) {
        return new ApiException(429, "TOO_MANY_ATTEMPTS", message, retryAfter);
    }

    /** 429 {@code reason} with a {@code Retry-After} header: come back later, nothing is wrong with the request. */
    public static ApiException retryLater(String reason, String message, Duration retryAfter) {
        return new ApiException(429, reason, message, retryAfter);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** The {@code Retry-After} header's value: whole seconds, rounded up. */
    public Optional<String> retryAfterSeconds() {
        return Optional.ofNullable(retryAfter).map(wait -> Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }
}
