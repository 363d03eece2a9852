package org.threshold.kiosk.session;

import java.time.Duration;

/** Too many wrong passphrases in a row for one operator: unlocking waits {@link #retryAfterSeconds()}. */
public final class TooManyAttemptsException extends UnlockRefusedException {
    private final long retryAfterSeconds;

    TooManyAttemptsException(Duration retryAfter) {
        super("Too many wrong passphrases for this operator. Wait " + wholeSeconds(retryAfter)
                + " seconds, then try again; ask a supervisor if you have forgotten the passphrase.");
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
