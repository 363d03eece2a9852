package org.threshold.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threshold.core.crypto.SigningKey;

/** Any token a kiosk issues survives the trip through its QR code, in QR's compact alphanumeric mode. */
class IssuedTokenProperties {

    // The QR alphanumeric mode's 45 characters: no lower case, so one symbol per 5.5 bits.
    private static final String QR_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private final SigningKey kioskKey = TestKeys.signingKey(1);

    @Provide
    Arbitrary<IssuedToken> tokens() {
        Arbitrary<TokenId> ids = Arbitraries.bytes().array(byte[].class).ofSize(TokenId.BYTES).map(TokenId::fromBytes);
        Arbitrary<String> kioskIds = Combinators.combine(
                        Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(1),
                        Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-').ofMaxLength(31))
                .as(String::concat);
        Arbitrary<LocalDate> days = Arbitraries.longs()
                .between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2199, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Combinators.combine(ids, kioskIds, days).as((id, kiosk, day) -> IssuedToken.issue(id, kiosk, day, kioskKey));
    }

    @Property
    void qrPayloadParsesBackToTheSameToken(@ForAll("tokens") IssuedToken token) throws InvalidTokenException {
        IssuedToken parsed = IssuedToken.parseQr(token.qrPayload());

        assertThat(parsed).isEqualTo(token);
        assertThat(parsed.signature()).isEqualTo(token.signature());
        assertThat(parsed.signedBy(kioskKey.verifyingKey())).isTrue();
    }

    @Property
    void qrPayloadHasTheDocumentedShape(@ForAll("tokens") IssuedToken token) {
        assertThat(token.qrPayload())
                .matches("^TH1:[0-9A-Z]{16}:[A-Z0-9-]+:[0-9]{8}:[0-9A-Z]{103}$")
                .contains(":" + token.id().code() + ":" + token.kioskId() + ":");
    }

    @Property
    void qrPayloadUsesOnlyQrAlphanumericCharactersAndSoNoLowerCase(@ForAll("tokens") IssuedToken token) {
        String payload = token.qrPayload();

        assertThat(payload.chars()).allMatch(c -> QR_ALPHANUMERIC.indexOf(c) >= 0);
        assertThat(payload.chars()).noneMatch(Character::isLowerCase);
    }
}
