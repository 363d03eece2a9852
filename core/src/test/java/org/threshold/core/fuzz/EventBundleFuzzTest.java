package org.threshold.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.sync.EventBundle;

/**
 * Bundle import on whatever file is handed to the hub: it reads or is refused with
 * {@link MalformedEncodingException}; the signature check and each envelope's decoding never throw anything else.
 */
class EventBundleFuzzTest {

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "60m")
    void bundle(byte[] input) {
        try {
            EventBundle bundle = EventBundle.read(input);
            assertThat(bundle.kioskId()).isNotBlank();
            bundle.signedBy(FuzzKeys.KIOSK.verifyingKey());
            bundle.envelopes().forEach(EnvelopeFuzzTest::envelope);
        } catch (MalformedEncodingException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
