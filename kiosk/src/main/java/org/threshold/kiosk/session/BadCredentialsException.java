package org.threshold.kiosk.session;

/** The operator name or the passphrase is wrong; which one is deliberately not said. */
public final class BadCredentialsException extends UnlockRefusedException {
    BadCredentialsException() {
        super("Wrong operator name or passphrase.");
    }
}
