package org.threshold.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.BatchBody;

/**
 * The hub's first contact with a kiosk's bytes: a binary batch and the event envelopes in it. Anything either
 * decodes or is refused with {@link MalformedEncodingException}; what decodes is canonical (it encodes back to
 * exactly the bytes read) and its signature check answers without throwing.
 */
class EnvelopeFuzzTest {

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "60m")
    void envelopeAndBatch(byte[] input) {
        envelope(input);
        try {
            BatchBody batch = BatchBody.decode(input);
            assertThat(batch.encode()).isEqualTo(input);
            batch.envelopes().forEach(EnvelopeFuzzTest::envelope);
        } catch (MalformedEncodingException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    static void envelope(byte[] bytes) {
        try {
            SignedEvent event = SignedEvent.decode(bytes);
            assertThat(event.encode()).isEqualTo(bytes);
            assertThat(SignedEvent.decode(event.encode())).isEqualTo(event);
            assertThat(event.hash()).hasSize(32);
            event.signatureValid(FuzzKeys.KIOSK.verifyingKey());
        } catch (MalformedEncodingException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
