package org.threshold.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Keys survive being stored, and their private halves never show up in logs. */
class KeysTest {

    private static final byte[] MESSAGE = "event bytes".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private final SigningKey signingKey = SigningKey.generate(random);
    private final SealingPrivateKey sealingKey = HubSealing.generate(random);

    @Test
    void signingKeyToStringDoesNotContainThePrivateKey() {
        String shown = signingKey.toString();

        assertThat(shown)
                .contains("REDACTED")
                .contains(signingKey.verifyingKey().fingerprint())
                .doesNotContain(Bytes.base64(signingKey.toBytes()))
                .doesNotContain(HexFormat.of().formatHex(signingKey.toBytes()));
    }

    @Test
    void sealingPrivateKeyToStringIsRedacted() {
        String shown = sealingKey.toString();

        assertThat(shown)
                .isEqualTo("SealingPrivateKey[REDACTED, public " + sealingKey.publicKey().keyId() + "]")
                .doesNotContain(Bytes.base64(sealingKey.toBytes()))
                .doesNotContain(HexFormat.of().formatHex(sealingKey.toBytes()));
    }

    @Test
    void aStoredSigningKeySignsForTheSamePublicKey() {
        SigningKey restored = SigningKey.fromBytes(signingKey.toBytes());

        assertThat(restored.verifyingKey()).isEqualTo(signingKey.verifyingKey());
        assertThat(signingKey.verifyingKey().verify(MESSAGE, restored.sign(MESSAGE))).isTrue();
    }

    @Test
    void aSignatureVerifiesForItsMessageOnly() {
        byte[] signature = signingKey.sign(MESSAGE);
        VerifyingKey publicKey = VerifyingKey.fromBase64(signingKey.verifyingKey().toBase64());

        assertThat(publicKey.verify(MESSAGE, signature)).isTrue();
        assertThat(publicKey.verify("event bytez".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(publicKey.verify(MESSAGE, new byte[10])).isFalse();
        assertThat(SigningKey.generate(random).verifyingKey().verify(MESSAGE, signature)).isFalse();
    }

    @Test
    void keysOfTheWrongSizeAreRefused() {
        assertThatThrownBy(() -> SigningKey.fromBytes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerifyingKey.fromBytes(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealingPublicKey.fromBytes(new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealingPrivateKey.fromBytes(new byte[16], sealingKey.publicKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredSealingKeyOpensWhatWasSealedToIt() throws UnsealException {
        SealingPublicKey publicKey = SealingPublicKey.fromBase64(sealingKey.publicKey().toBase64());
        SealedPayload sealed = HubSealing.seal(publicKey, MESSAGE, "personal".getBytes(StandardCharsets.UTF_8));
        SealingPrivateKey restored = SealingPrivateKey.fromBytes(sealingKey.toBytes(), publicKey);

        assertThat(HubSealing.open(restored, MESSAGE, sealed)).asString(StandardCharsets.UTF_8).isEqualTo("personal");
    }

    @Test
    void aSealedPayloadDoesNotOpenWithOtherAssociatedData() {
        SealedPayload sealed = HubSealing.seal(sealingKey.publicKey(), MESSAGE, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> HubSealing.open(sealingKey, "other header".getBytes(StandardCharsets.UTF_8), sealed))
                .isInstanceOf(UnsealException.class);
    }

    @Test
    void theSealingKeyIdIsTheFingerprintOfThePublicKey() {
        assertThat(sealingKey.publicKey().keyId())
                .isEqualTo(Bytes.fingerprint(sealingKey.publicKey().toBytes()))
                .matches("[0-9a-f]{16}");
    }
}
