package org.threshold.kiosk.session;

import java.time.Duration;
import java.util.Map;
import org.threshold.core.i18n.Messages;

/** Too many wrong passphrases in a row for one operator: unlocking waits {@link #retryAfterSeconds()}. */
public final class TooManyAttemptsException extends UnlockRefusedException {
    private final long retryAfterSeconds;

    TooManyAttemptsException(Duration retryAfter) {
        super(Messages.of(Messages.ERRORS, Messages.ENGLISH).format("error.TOO_MANY_ATTEMPTS",
                Map.of("seconds", wholeSeconds(retryAfter))));
        this.retryAfterSeconds = wholeSeconds(retryAfter);
    }

    /** Rounded up, so a client that waits this long is never refused again for the same lockout. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long wholeSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
