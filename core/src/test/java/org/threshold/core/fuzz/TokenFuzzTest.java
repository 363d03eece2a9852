package org.threshold.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;

/**
 * The token parsers on anything typed or scanned: a short code or a QR payload either parses or is refused
 * with {@link InvalidTokenException}, never another exception; what parses writes back to what parses equal.
 */
class TokenFuzzTest {

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "60m")
    void token(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            TokenId id = TokenId.parseShortCode(text);
            assertThat(TokenId.parseShortCode(id.shortCode())).isEqualTo(id);
        } catch (InvalidTokenException refused) {
            assertThat(refused.reason()).isNotNull();
        }
        try {
            IssuedToken token = IssuedToken.parseQr(text);
            assertThat(IssuedToken.parseQr(token.qrPayload())).isEqualTo(token);
            IssuedToken verified = IssuedToken.parseAndVerify(text, FuzzKeys::kioskOrNull);
            assertThat(verified.signedBy(FuzzKeys.KIOSK.verifyingKey())).isTrue();
        } catch (InvalidTokenException refused) {
            assertThat(refused.reason()).isNotNull();
        }
    }
}
