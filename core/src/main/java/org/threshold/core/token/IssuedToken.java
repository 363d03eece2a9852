package org.threshold.core.token;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.KioskId;

/**
 * A token as printed on a card: its id, the issuing kiosk, the day of issue and the kiosk's signature
 * over those three. It holds no name and no need, so a lost card reveals nothing about its holder.
 *
 * <p>QR payload, upper case only so the QR code uses its compact alphanumeric mode:
 * {@code TH1:<16-char id>:<kiosk id>:<yyyyMMdd>:<103-char base-32 signature>}.
 */
public record IssuedToken(TokenId id, String kioskId, LocalDate issuedOn, byte[] signature) {
    private static final String PREFIX = "TH";
    private static final String VERSION = "1";
    private static final byte[] DOMAIN = "THTK".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public IssuedToken {
        KioskId.requireValid(kioskId);
        if (signature.length != VerifyingKey.SIGNATURE_SIZE) {
            throw new IllegalArgumentException("A token signature is 64 bytes");
        }
        signature = signature.clone();
    }

    public static IssuedToken issue(TokenId id, String kioskId, LocalDate issuedOn, SigningKey kioskKey) {
        return new IssuedToken(id, kioskId, issuedOn, kioskKey.sign(signedBytes(id, kioskId, issuedOn)));
    }

    public String qrPayload() {
        return PREFIX + VERSION + ":" + id.code() + ":" + kioskId + ":" + DATE.format(issuedOn) + ":"
                + Crockford32.encode(signature);
    }

    public boolean signedBy(VerifyingKey kioskKey) {
        return kioskKey.verify(signedBytes(id, kioskId, issuedOn), signature);
    }

    /** Parses a scanned QR payload; says precisely why one is rejected. The signature is checked separately. */
    public static IssuedToken parseQr(String payload) throws InvalidTokenException {
        String text = payload.strip();
        if (!text.startsWith(PREFIX) || text.length() < 4 || text.indexOf(':') < 0) {
            throw new InvalidTokenException(InvalidTokenException.Reason.NOT_A_TOKEN,
                    "this is not a Threshold token (it should start with TH1:)");
        }
        String[] parts = text.split(":", -1);
        if (!parts[0].equals(PREFIX + VERSION)) {
            throw parts[0].matches("TH[0-9]+")
                    ? new InvalidTokenException(InvalidTokenException.Reason.UNSUPPORTED_VERSION,
                            "token format " + parts[0] + " is newer than this software reads (TH1); update it")
                    : new InvalidTokenException(InvalidTokenException.Reason.NOT_A_TOKEN,
                            "this is not a Threshold token (it should start with TH1:)");
        }
        if (parts.length != 5) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED,
                    "a token has 5 fields separated by ':', this one has " + parts.length);
        }
        TokenId id = TokenId.fromCode(parts[1]);
        if (!KioskId.isValid(parts[2])) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "the kiosk id is malformed");
        }
        LocalDate issuedOn;
        try {
            issuedOn = LocalDate.parse(parts[3], DATE);
        } catch (DateTimeException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "the issue date is not a date");
        }
        byte[] signature = Crockford32.decode(parts[4], VerifyingKey.SIGNATURE_SIZE);
        IssuedToken token = new IssuedToken(id, parts[2], issuedOn, signature);
        if (!token.qrPayload().equals(text)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "the token is not in canonical form");
        }
        return token;
    }

    /** Parses and checks the signature with the issuing kiosk's key. */
    public static IssuedToken parseAndVerify(String payload, java.util.function.Function<String, VerifyingKey> kioskKeys)
            throws InvalidTokenException {
        IssuedToken token = parseQr(payload);
        VerifyingKey key = kioskKeys.apply(token.kioskId());
        if (key == null) {
            throw new InvalidTokenException(InvalidTokenException.Reason.UNKNOWN_KIOSK,
                    "the token names kiosk " + token.kioskId() + ", which this deployment does not know");
        }
        if (!token.signedBy(key)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.FORGED,
                    "the token's signature is not kiosk " + token.kioskId() + "'s: it is forged or altered");
        }
        return token;
    }

    private static byte[] signedBytes(TokenId id, String kioskId, LocalDate issuedOn) {
        return new CanonicalWriter(64).raw(DOMAIN).u8(1).raw(id.toBytes()).shortString(kioskId)
                .i64(issuedOn.toEpochDay()).toByteArray();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssuedToken that && id.equals(that.id) && kioskId.equals(that.kioskId)
                && issuedOn.equals(that.issuedOn) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "IssuedToken[" + id.shortCode() + " by " + kioskId + " on " + issuedOn + "]";
    }
}
