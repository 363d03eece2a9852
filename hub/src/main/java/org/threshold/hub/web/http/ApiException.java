package org.threshold.hub.web.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.threshold.core.i18n.Messages;
import org.threshold.hub.app.Refusal;

/**
 * A request the hub turns down: the HTTP status, a machine-readable reason and a message that says what to
 * do. {@link ErrorResponses} renders every one the same way. Messages never repeat personal data.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String reason;
    private final Duration retryAfter;
    /** The arguments of {@link #messageKey} in core's errors bundle, or null when the message is English only. */
    private final Map<String, ?> arguments;
    /** The message's key in core's errors bundle, {@code hub.REASON} unless a constructor says otherwise. */
    private final String messageKey;

    /** An answer in English whatever the caller's language: for kiosks and other machines, which read the reason. */
    public ApiException(int status, String reason, String message) {
        this(status, reason, message, null, null, null);
    }

    /**
     * An answer to a person, in their language when {@link ErrorResponses} renders it: {@code hub.REASON} from core's
     * errors bundle, formatted with {@code arguments}.
     */
    public ApiException(int status, String reason, Map<String, ?> arguments) {
        this(status, reason, "hub." + reason, arguments);
    }

    /**
     * An answer to a person whose reason its caller chooses but whose message is the same whatever the reason:
     * {@code messageKey} (e.g. {@code hub.BODY_CUT_SHORT}) from core's errors bundle, in their language when rendered.
     */
    public ApiException(int status, String reason, String messageKey, Map<String, ?> arguments) {
        this(status, reason, Messages.of(Messages.ERRORS, Messages.ENGLISH).format(messageKey, arguments), null,
                arguments, messageKey);
    }

    private ApiException(int status, String reason, String message, Duration retryAfter, Map<String, ?> arguments,
                         String messageKey) {
        // No stack trace: this is an answer to the client, not a fault in the hub.
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.arguments = arguments;
        this.messageKey = messageKey;
    }

    /** This answer with its message in {@code locale}, if it has a translation; else as it is. */
    public ApiException in(Locale locale) {
        if (arguments == null) {
            return this;
        }
        return new ApiException(status, reason, Messages.of(Messages.ERRORS, locale).format(messageKey, arguments),
                retryAfter, arguments, messageKey);
    }

    /**
     * The answer to a use case's refusal in the user's language: the translation of {@code hub.REASON} from core's
     * errors bundle with the refusal's arguments, or its English message where there is none.
     */
    public static ApiException of(Refusal refusal, Locale locale) {
        ApiException english = of(refusal);
        Messages errors = Messages.of(Messages.ERRORS, locale);
        String key = "hub." + refusal.reason();
        return errors.has(key) ? new ApiException(english.status, english.reason, errors.format(key,
                refusal.arguments()), english.retryAfter, null, null) : english;
    }

    /** The answer to a use case's refusal: the one place a {@link Refusal.Kind} becomes an HTTP status. */
    public static ApiException of(Refusal refusal) {
        int status = switch (refusal.kind()) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case TOO_LARGE -> 413;
            case UNACCEPTABLE -> 422;
            case TRY_LATER -> 429;
            case UNAVAILABLE -> 503;
        };
        return new ApiException(status, refusal.reason(), refusal.getMessage(), refusal.retryAfter().orElse(null),
                null, null);
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
