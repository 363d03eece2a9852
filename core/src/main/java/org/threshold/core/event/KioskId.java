package org.threshold.core.event;

import java.util.regex.Pattern;

/**
 * Kiosk ids are short upper-case names ("KIOSK-01") because they are printed inside QR codes, where
 * upper-case letters, digits and '-' stay in the compact alphanumeric mode.
 */
public final class KioskId {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");

    private KioskId() {
    }

    public static String requireValid(String kioskId) {
        if (kioskId == null || !VALID.matcher(kioskId).matches()) {
            throw new IllegalArgumentException("A kiosk id is 1 to 32 characters of A-Z, 0-9 and '-', starting "
                    + "with a letter or digit; got " + (kioskId == null ? "nothing" : "\"" + kioskId + "\""));
        }
        return kioskId;
    }

    public static boolean isValid(String kioskId) {
        return kioskId != null && VALID.matcher(kioskId).matches();
    }
}
