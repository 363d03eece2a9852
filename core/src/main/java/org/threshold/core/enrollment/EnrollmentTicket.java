package org.threshold.core.enrollment;

import java.util.Locale;

/**
 * Everything a blank kiosk needs to enroll, in one line for the QR image or copy and paste:
 * {@code THENROLL1:<code>:<hub TLS certificate SHA-256, hex>:<hub URL>}. The certificate fingerprint lets the
 * kiosk trust the hub on first contact without any certificate authority; the code proves to the hub that
 * the administrator sent this kiosk. {@link #toString()} hides the code.
 */
public record EnrollmentTicket(EnrollmentCode code, String hubCertificateSha256, String hubUrl) {
    public static final String PREFIX = "THENROLL1:";

    public EnrollmentTicket {
        if (code == null) {
            throw new IllegalArgumentException("A ticket needs a code");
        }
        hubCertificateSha256 = hubCertificateSha256 == null ? ""
                : hubCertificateSha256.toLowerCase(Locale.ROOT).replace(":", "");
        if (!hubCertificateSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("The hub certificate fingerprint is 64 hexadecimal digits (SHA-256)");
        }
        if (hubUrl == null || !hubUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
            throw new IllegalArgumentException("The hub URL in a ticket starts with https://");
        }
    }

    /** @throws IllegalArgumentException saying what is wrong (never repeating the code) */
    public static EnrollmentTicket parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!trimmed.toUpperCase(Locale.ROOT).startsWith(PREFIX)) {
            throw new IllegalArgumentException("An enrollment ticket starts with " + PREFIX);
        }
        String[] parts = trimmed.substring(PREFIX.length()).split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("An enrollment ticket is " + PREFIX + "CODE:FINGERPRINT:HUB-URL");
        }
        return new EnrollmentTicket(EnrollmentCode.parse(parts[0]), parts[1], parts[2]);
    }

    /** The ticket as text, code included: for the QR image and the administrator's screen only. */
    public String reveal() {
        return PREFIX + code.reveal().replace("-", "") + ":" + hubCertificateSha256 + ":" + hubUrl;
    }

    @Override
    public String toString() {
        return "EnrollmentTicket[code REDACTED, hub " + hubUrl + ", pin " + hubCertificateSha256.substring(0, 16) + "…]";
    }
}
