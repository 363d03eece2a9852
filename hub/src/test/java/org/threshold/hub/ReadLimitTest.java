package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, finding 8 (limits): an account looks up at most 60 tokens a minute on an instance, through the API
 * and the lookup page together; beyond that 429 {@code TOO_MANY_READS} with {@code Retry-After}, until the next
 * minute.
 */
class ReadLimitTest {
    @TempDir
    Path dataDir;
    private HubFixture hub;
    private HubClient client;

    @BeforeEach
    void start() {
        hub = HubFixture.start(dataDir);
        client = hub.client();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void lookupsBeyondTheLimitWaitForTheNextWindow() {
        String session = client.sessionToken();
        for (int i = 0; i < 59; i++) {
            assertThat(client.lookUp("ZZZZ-ZZZZ", session).status()).isNotEqualTo(429);
        }
        HubClient.Response sixtieth = client.get("/lookup?token=ZZZZ-ZZZZ", "Cookie", "threshold_session=" + session);

        HubClient.Response overApi = client.lookUp("ZZZZ-ZZZZ", session);
        HubClient.Response overPage = client.get("/lookup?token=ZZZZ-ZZZZ", "Cookie", "threshold_session=" + session);
        hub.clock.advance(Duration.ofMinutes(1));
        HubClient.Response nextMinute = client.lookUp("ZZZZ-ZZZZ", session);

        assertThat(sixtieth.status()).isNotEqualTo(429);
        assertThat(overApi.status()).isEqualTo(429);
        assertThat(overApi.reason()).isEqualTo("TOO_MANY_READS");
        assertThat(overApi.header("Retry-After")).isEqualTo("60");
        assertThat(overPage.status()).isEqualTo(429);
        assertThat(overPage.header("Retry-After")).isEqualTo("60");
        assertThat(overPage.header("Content-Type")).startsWith("text/html");
        assertThat(nextMinute.status()).isNotEqualTo(429);
    }
}
