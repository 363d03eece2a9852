package org.threshold.hardware.printer;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything printed on a token card. It never carries a name or a need: a lost card reveals nothing.
 *
 * @param shortCode human-readable token with its check character, e.g. {@code "7K3M-Q9XD-2HPT-VB6R-F"}
 * @param qrPayload the token as QR alphanumeric text (digits, A-Z, space and {@code $%*+-./:})
 * @param site      the reception point, printed at the top
 * @param issuedOn  the day the card was printed
 * @param kioskId   the kiosk that issued the token, printed small at the bottom
 * @param copy      a reprint: the card says COPY under the date, so two cards in circulation are told apart
 */
public record TokenCard(String shortCode, String qrPayload, String site, LocalDate issuedOn, String kioskId,
                        boolean copy) {

    // The short code is typed back by staff and names the simulator's file, so nothing else may hide in it.
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9A-Z]+(-[0-9A-Z]+)*");

    // Outside this set the QR code switches to byte mode, 8 bits a character instead of 5.5: denser, harder to scan.
    private static final Pattern QR_ALPHANUMERIC = Pattern.compile("[0-9A-Z $%*+\\-./:]+");

    public TokenCard {
        requireText(shortCode, "short code");
        requireText(qrPayload, "QR payload");
        requireText(site, "site");
        Objects.requireNonNull(issuedOn, "issuedOn");
        requireText(kioskId, "kiosk id");
        if (!SHORT_CODE.matcher(shortCode).matches()) {
            throw new IllegalArgumentException(
                    "A short code is groups of digits and upper-case letters joined by dashes");
        }
        if (!QR_ALPHANUMERIC.matcher(qrPayload).matches()) {
            throw new IllegalArgumentException(
                    "A QR payload may hold only digits, upper-case letters, space and $%*+-./:");
        }
    }

    /** An original card. */
    public TokenCard(String shortCode, String qrPayload, String site, LocalDate issuedOn, String kioskId) {
        this(shortCode, qrPayload, site, issuedOn, kioskId, false);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A token card needs a " + field);
        }
    }
}
