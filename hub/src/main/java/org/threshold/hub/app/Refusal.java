package org.threshold.hub.app;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A use case turned the request down: what kind of refusal it is, a stable machine-readable reason and a message
 * that says what to do. The web layer alone turns a {@link Kind} into an HTTP status, in one place. Messages never
 * repeat personal data. No stack trace: this is an answer, not a fault in the hub.
 */
public final class Refusal extends RuntimeException {
    /** What went wrong, independent of how it is answered. */
    public enum Kind {
        /** The request is malformed or a value is invalid. */
        INVALID,
        /** Nobody is signed in, or the credentials are wrong. */
        UNAUTHENTICATED,
        /** Signed in, or known, but not allowed to do this. */
        FORBIDDEN,
        NOT_FOUND,
        /** It clashes with what the hub already holds. */
        CONFLICT,
        /** It was valid once and no longer is (an expired code). */
        GONE,
        /** Well-formed, but its content cannot be accepted (a forged token). */
        UNACCEPTABLE,
        TOO_LARGE,
        /** Nothing is wrong with it; come back after {@link #retryAfter()}. */
        TRY_LATER,
        /** The hub cannot serve it right now (its store is saturated or down); come back after {@link #retryAfter()}. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String reason;
    private final Duration retryAfter;
    private final Map<String, Object> arguments;

    public Refusal(Kind kind, String reason, String message) {
        this(kind, reason, message, null, Map.of());
    }

    /**
     * With the named {@code arguments} the web layer fills into the message's translations ({@code hub.REASON} in
     * core's errors bundle); {@code message} is the English text for everything else (logs, the command line).
     */
    public Refusal(Kind kind, String reason, String message, Map<String, ?> arguments) {
        this(kind, reason, message, null, arguments);
    }

    private Refusal(Kind kind, String reason, String message, Duration retryAfter, Map<String, ?> arguments) {
        super(message, null, false, false);
        this.kind = kind;
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.arguments = Map.copyOf(arguments);
    }

    /** {@link Kind#TRY_LATER} after {@code retryAfter}. */
    public static Refusal tryLater(String reason, String message, Duration retryAfter, Map<String, ?> arguments) {
        return new Refusal(Kind.TRY_LATER, reason, message, retryAfter, arguments);
    }

    /** {@link Kind#TRY_LATER} after {@code retryAfter}. */
    public static Refusal tryLater(String reason, String message, Duration retryAfter) {
        return tryLater(reason, message, retryAfter, Map.of());
    }

    /** The values the message's translations name, e.g. {@code seconds}. */
    public Map<String, Object> arguments() {
        return arguments;
    }

    /** {@link Kind#UNAVAILABLE}, to be tried again after {@code retryAfter}. */
    public static Refusal unavailable(String reason, String message, Duration retryAfter) {
        return new Refusal(Kind.UNAVAILABLE, reason, message, retryAfter, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
