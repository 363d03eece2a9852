package org.threshold.kiosk;

import org.threshold.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.kiosk.KioskClient.Reply;

class OperatorSessionApiTest {
    @TempDir
    Path dataDir;
    private final TestClock clock = new TestClock();
    private KioskApp kiosk;
    private KioskClient client;

    @BeforeEach
    void start() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, null, false, clock, null));
        client = new KioskClient(kiosk.port());
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void theRightPassphraseOpensASessionWithA256BitToken() throws Exception {
        Reply reply = client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);

        assertThat(reply.status()).isEqualTo(200);
        String token = reply.body().path("sessionToken").asText();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(client.post("/api/sync", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aWrongPassphraseOrUnknownOperatorIsRefusedWithoutSayingWhich() throws Exception {
        Reply wrongPassphrase = client.unlock(TestDeployment.OPERATOR, "not the passphrase");
        Reply unknownOperator = client.unlock("nobody", TestDeployment.PASSPHRASE);

        for (Reply reply : new Reply[] {wrongPassphrase, unknownOperator}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.reason()).isEqualTo("BAD_CREDENTIALS");
            assertThat(reply.body().path("error").path("message").asText())
                    .isEqualTo("Wrong operator name or passphrase.");
        }
    }

    @Test
    void fiveWrongPassphrasesLockTheOperatorOutUntilRetryAfterHasPassed() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(client.unlock(TestDeployment.OPERATOR, "guess " + attempt).status()).isEqualTo(401);
        }

        Reply throttled = client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.reason()).isEqualTo("TOO_MANY_ATTEMPTS");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(client.unlock(TestDeployment.SECOND_OPERATOR, TestDeployment.SECOND_PASSPHRASE).status())
                .as("other operators are not locked out").isEqualTo(200);

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE).status()).isEqualTo(200);
    }

    private static final String SOME_TOKEN = "/api/households?name=Amina";

    @Test
    void withoutASessionTheApiAnswersLocked() throws Exception {
        Reply reply = client.post("/api/households", Households.nourhan());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.reason()).isEqualTo("LOCKED");
        assertThat(reply.body().path("error").path("message").asText())
                .isEqualTo("The kiosk is locked. Unlock it with your operator name and passphrase.");
        assertThat(client.get("/api/households/7K3M-Q9XD-2HPT-VB6R-F").status()).isEqualTo(401);
        assertThat(client.get("/api/households?name=Nourhan").status()).isEqualTo(401);
        assertThat(client.post("/api/sync", Map.of()).status()).as("sync needs no unlocked shift").isEqualTo(200);
    }

    @Test
    void aSessionIdleForFifteenMinutesLocks() throws Exception {
        client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
        clock.advance(Duration.ofMinutes(14));
        assertThat(client.get(SOME_TOKEN).status()).as("activity resets the idle time").isEqualTo(200);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        Reply reply = client.get(SOME_TOKEN);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.reason()).isEqualTo("LOCKED");
    }

    @Test
    void deletingTheSessionLocksTheKiosk() throws Exception {
        client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);

        assertThat(client.delete("/api/session").status()).isEqualTo(204);

        assertThat(client.get(SOME_TOKEN).reason()).isEqualTo("LOCKED");
    }

    @Test
    void aRequestWithoutCredentialsIsAskedForThem() throws Exception {
        Reply reply = client.post("/api/session", Map.of("operator", TestDeployment.OPERATOR));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.reason()).isEqualTo("INVALID_REQUEST");
    }
}
