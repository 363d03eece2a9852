package org.threshold.core.token;

/** A token code or QR payload that is not one we issued; the reason tells the caller what to say. */
public final class InvalidTokenException extends Exception {
    public enum Reason {
        /** Not a Threshold token at all (another QR code, a typo in the prefix). */
        NOT_A_TOKEN,
        /** A Threshold token from a newer format than this software reads. */
        UNSUPPORTED_VERSION,
        /** The right shape is broken: missing fields, wrong lengths, bad date. */
        MALFORMED,
        /** A character that is not in the token alphabet. */
        INVALID_CHARACTER,
        /** The check character does not match: a typing error. */
        CHECK_MISMATCH,
        /** Well formed, but the signature is not the issuing kiosk's: forged or altered. */
        FORGED,
        /** Issued by a kiosk the verifier does not know. */
        UNKNOWN_KIOSK
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
