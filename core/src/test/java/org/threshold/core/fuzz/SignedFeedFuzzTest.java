package org.threshold.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import org.threshold.core.input.StrictJson;
import org.threshold.core.sync.FeedRejectedException;
import org.threshold.core.sync.SignedFeed;

/**
 * The kiosk's side of the update feed. The first byte picks what the rest is: 0, the hub's answer as it comes
 * over the wire (almost never signed right, so refused); otherwise a page payload that the hub's key signs
 * here, to reach the page parsing as a compromised or buggy hub could. Either it opens to a page or it is
 * refused with {@link FeedRejectedException}; nothing else escapes.
 */
class SignedFeedFuzzTest {
    private static final ObjectMapper JSON = StrictJson.mapper();

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "60m")
    void updateFeed(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        SignedFeed feed;
        if (input[0] == 0) {
            try {
                feed = JSON.readValue(rest, SignedFeed.class);
            } catch (IOException malformed) {
                return;
            }
        } else {
            feed = SignedFeed.signPayload(rest, FuzzKeys.HUB);
        }
        try {
            SignedFeed.Page page = feed.open(FuzzKeys.HUB.verifyingKey());
            assertThat(page.updates()).doesNotContainNull();
        } catch (FeedRejectedException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
