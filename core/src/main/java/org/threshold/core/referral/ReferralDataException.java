package org.threshold.core.referral;

/**
 * A services, routing-rules or field-profiles file that cannot be used. The message starts with the file and the
 * line, so whoever edits the data can go straight to the fault; a hub that meets one refuses to start.
 */
public final class ReferralDataException extends RuntimeException {

    private final String file;
    private final int line;

    ReferralDataException(String file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
