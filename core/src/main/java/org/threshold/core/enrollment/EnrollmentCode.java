package org.threshold.core.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import org.threshold.core.crypto.Bytes;

/**
 * A one-time enrollment code: 16 characters of Crockford base 32 (80 random bits), shown in groups of four,
 * e.g. {@code 7K3M-Q9XD-2HPT-VB6R}. Typing ignores case, dashes and spaces and reads O as 0, I and L as 1.
 * The hub keeps only its SHA-256; {@link #toString()} never shows it.
 */
public final class EnrollmentCode {
    public static final int LENGTH = 16;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final String normalized;

    private EnrollmentCode(String normalized) {
        this.normalized = normalized;
    }

    public static EnrollmentCode generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new EnrollmentCode(code.toString());
    }

    /** @throws IllegalArgumentException naming the problem (never echoing the code) if it cannot be a code */
    public static EnrollmentCode parse(String typed) {
        if (typed == null) {
            throw new IllegalArgumentException("No enrollment code given");
        }
        String cleaned = typed.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (cleaned.length() != LENGTH) {
            throw new IllegalArgumentException("An enrollment code has " + LENGTH + " letters and digits, this one "
                    + cleaned.length());
        }
        for (int i = 0; i < cleaned.length(); i++) {
            if (ALPHABET.indexOf(cleaned.charAt(i)) < 0) {
                throw new IllegalArgumentException("An enrollment code has no '" + cleaned.charAt(i) + "' (character "
                        + (i + 1) + ")");
            }
        }
        return new EnrollmentCode(cleaned);
    }

    /** What the hub stores: the code itself never reaches its disk. */
    public byte[] hash() {
        return Bytes.sha256("threshold-enrollment-code-v1:".getBytes(StandardCharsets.US_ASCII),
                normalized.getBytes(StandardCharsets.US_ASCII));
    }

    /** For the administrator's screen and the QR image only. */
    public String reveal() {
        return normalized.substring(0, 4) + "-" + normalized.substring(4, 8) + "-" + normalized.substring(8, 12) + "-"
                + normalized.substring(12);
    }

    /** The bytes a kiosk signs to prove it holds the key it enrolls: the code and the public key, labelled. */
    public static byte[] proofMessage(EnrollmentCode code, String publicKeyBase64) {
        return ("threshold-enrollment-proof-v1\n" + code.normalized + "\n" + publicKeyBase64)
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "EnrollmentCode[REDACTED]";
    }
}
