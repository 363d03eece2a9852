package org.threshold.kiosk.session;

/** Why an operator could not unlock a session; each kind is answered differently. */
public abstract sealed class UnlockRefusedException extends Exception
        permits BadCredentialsException, TooManyAttemptsException, KeysDestroyedException {
    UnlockRefusedException(String message) {
        super(message);
    }
}
