package org.threshold.kiosk.session;

import org.threshold.core.i18n.Messages;

/** The operator name or the passphrase is wrong; which one is deliberately not said. */
public final class BadCredentialsException extends UnlockRefusedException {
    BadCredentialsException() {
        super(Messages.of(Messages.ERRORS, Messages.ENGLISH).format("error.BAD_CREDENTIALS"));
    }
}
