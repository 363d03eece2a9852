package org.threshold.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.token.InvalidTokenException.Reason;

/** Reading a scanned card: which payloads are accepted, and the reason given for each one that is not. */
class IssuedTokenTest {

    private static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 24);

    private final SigningKey kiosk1 = TestKeys.signingKey(1);
    private final SigningKey kiosk2 = TestKeys.signingKey(2);
    private final Map<String, VerifyingKey> enrolled = Map.of(
            "KIOSK-01", kiosk1.verifyingKey(),
            "KIOSK-02", kiosk2.verifyingKey());
    private final TokenId id = TokenId.fromBytes(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    private final TokenId otherId = TokenId.fromBytes(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0});
    private final IssuedToken token = IssuedToken.issue(id, "KIOSK-01", ISSUED_ON, kiosk1);
    private final String payload = token.qrPayload();

    @Test
    void payloadNamesTheIdKioskAndDay() {
        assertThat(payload).startsWith("TH1:000G40R40M30E209:KIOSK-01:20261124:").hasSize(4 + 17 + 9 + 9 + 103);
    }

    @Test
    void acceptsATokenSignedByTheKioskItNames() throws InvalidTokenException {
        assertThat(IssuedToken.parseAndVerify(payload, enrolled::get)).isEqualTo(token);
    }

    @Test
    void acceptsSurroundingWhitespaceFromTheScanner() throws InvalidTokenException {
        assertThat(IssuedToken.parseAndVerify("  " + payload + "\r\n", enrolled::get)).isEqualTo(token);
    }

    @Test
    void rejectsATokenSignedByAnotherKioskAsForged() {
        IssuedToken signedByKiosk2 = IssuedToken.issue(id, "KIOSK-01", ISSUED_ON, kiosk2);

        assertReason(signedByKiosk2.qrPayload(), enrolled::get, Reason.FORGED);
    }

    @Test
    void rejectsAnAlteredIssueDateAsForged() {
        assertReason(payload.replace(":20261124:", ":20261123:"), enrolled::get, Reason.FORGED);
    }

    @Test
    void rejectsAnAlteredIdAsForged() {
        assertReason(payload.replace(id.code(), otherId.code()), enrolled::get, Reason.FORGED);
    }

    @Test
    void rejectsAnAlteredKioskIdAsForgedEvenWhenBothKiosksShareAKey() {
        // The kiosk id itself is signed: changing it breaks the signature, whatever key is looked up.
        Function<String, VerifyingKey> everyKioskHasKey1 = kioskId -> kiosk1.verifyingKey();

        assertReason(payload.replace(":KIOSK-01:", ":KIOSK-02:"), everyKioskHasKey1, Reason.FORGED);
    }

    @Test
    void rejectsATokenFromAKioskTheDeploymentDoesNotKnow() {
        IssuedToken stranger = IssuedToken.issue(id, "KIOSK-99", ISSUED_ON, kiosk1);

        assertReason(stranger.qrPayload(), enrolled::get, Reason.UNKNOWN_KIOSK).withMessageContaining("KIOSK-99");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "https://example.org/th1/000G40R40M30E209", "WIFI:S:net;T:WPA;P:pw;;",
            "TH", "THE END:NOW", "th1:000G40R40M30E209:KIOSK-01:20261124:X"})
    void rejectsTextThatIsNotAThresholdToken(String scanned) {
        assertReason(scanned, enrolled::get, Reason.NOT_A_TOKEN);
    }

    @Test
    void rejectsANewerFormatAsUnsupportedVersionSoTheOperatorKnowsToUpdate() {
        assertReason("TH2:" + payload.substring(4), enrolled::get, Reason.UNSUPPORTED_VERSION)
                .withMessageContaining("TH2");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6})
    void rejectsAWrongNumberOfFieldsAsMalformed(int fields) {
        String wrongFieldCount = fields == 4 ? payload.substring(0, payload.lastIndexOf(':')) : payload + ":EXTRA";

        assertReason(wrongFieldCount, enrolled::get, Reason.MALFORMED).withMessageContaining("5 fields");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261324", "20260230", "2026112", "202611240", "2026-11-", "20261124Z"})
    void rejectsADateThatIsNotADayAsMalformed(String date) {
        assertReason(payload.replace(":20261124:", ":" + date + ":"), enrolled::get, Reason.MALFORMED);
    }

    @Test
    void rejectsAnIdOfTheWrongLengthAsMalformed() {
        assertReason(payload.replace(id.code(), id.code().substring(1)), enrolled::get, Reason.MALFORMED);
    }

    @Test
    void rejectsAnInvalidKioskIdAsMalformed() {
        assertReason(payload.replace(":KIOSK-01:", ":-KIOSK:"), enrolled::get, Reason.MALFORMED);
    }

    @Test
    void rejectsASignatureOfTheWrongLengthAsMalformed() {
        assertReason(payload.substring(0, payload.length() - 1), enrolled::get, Reason.MALFORMED);
        assertReason(payload + "0", enrolled::get, Reason.MALFORMED);
    }

    @Test
    void rejectsASignatureWithNonZeroPaddingBitsAsMalformed() {
        // 103 symbols carry 515 bits for a 512-bit signature: the last symbol's low three bits must be zero,
        // so it is one of 0, 8, G, R, and never 1.
        String lastSymbolWithPaddingBitSet = payload.substring(0, payload.length() - 1) + "1";

        assertReason(lastSymbolWithPaddingBitSet, enrolled::get, Reason.MALFORMED);
    }

    @Test
    void rejectsACharacterOutsideTheAlphabetInTheSignature() {
        String withU = payload.substring(0, payload.length() - 10) + "U" + payload.substring(payload.length() - 9);

        assertReason(withU, enrolled::get, Reason.INVALID_CHARACTER);
    }

    @Test
    void rejectsASpellingThatIsNotCanonicalSoEachTokenHasOnePayload() {
        // Lenient reading (o for 0) is for typed codes; a printed QR payload has exactly one spelling.
        assertReason(payload.replace(id.code(), id.code().replace('0', 'O')), enrolled::get, Reason.MALFORMED);
    }

    @Test
    void holdsNoPersonalDataAndPrintsNoSignature() {
        assertThat(token.toString()).isEqualTo("IssuedToken[" + id.shortCode() + " by KIOSK-01 on 2026-11-24]");
    }

    private static ThrowableAssertAlternative<InvalidTokenException> assertReason(
            String scanned, Function<String, VerifyingKey> keys, Reason reason) {
        ThrowableAssertAlternative<InvalidTokenException> thrown =
                assertThatExceptionOfType(InvalidTokenException.class)
                        .isThrownBy(() -> IssuedToken.parseAndVerify(scanned, keys));
        thrown.satisfies(e -> assertThat(e.reason()).as("reason for %s", scanned).isEqualTo(reason));
        return thrown;
    }
}
