package org.threshold.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AesGcmTest {
    private final SecureRandom random = new SecureRandom();

    /** A held key's messages are AesGcm's, whatever other key its thread used in between. */
    @Test
    void aHeldKeyReadsAndWritesTheSameMessagesAsTheKeyGivenEachTime() {
        byte[] wrapping = key();
        byte[] other = key();
        AesGcm.HeldKey held = new AesGcm.HeldKey(wrapping);
        byte[] context = "threshold/test:1".getBytes(StandardCharsets.US_ASCII);
        byte[] secret = key();

        for (int round = 0; round < 3; round++) {
            byte[] sealed = held.encrypt(context, secret, random);
            byte[] byOther = AesGcm.encrypt(other, context, secret, random);

            assertThat(AesGcm.decrypt(wrapping, context, sealed)).hasValue(secret);
            assertThat(held.decrypt(context, AesGcm.encrypt(wrapping, context, secret, random))).hasValue(secret);
            assertThat(held.decrypt(context, byOther)).isEmpty();
            assertThat(held.decrypt("threshold/test:2".getBytes(StandardCharsets.US_ASCII), sealed)).isEmpty();
            assertThat(AesGcm.decrypt(other, context, byOther)).hasValue(secret);
        }
    }

    private byte[] key() {
        byte[] key = new byte[AesGcm.KEY_BYTES];
        random.nextBytes(key);
        return key;
    }
}
