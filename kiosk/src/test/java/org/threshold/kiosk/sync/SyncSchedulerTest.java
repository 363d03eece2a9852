package org.threshold.kiosk.sync;

import org.threshold.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.kiosk.Eventually;
import org.threshold.kiosk.FakeHub;
import org.threshold.kiosk.Households;
import org.threshold.kiosk.KioskApp;
import org.threshold.kiosk.KioskClient;
import org.threshold.kiosk.KioskSettings;
import org.threshold.kiosk.TestDeployment;

class SyncSchedulerTest {
    @TempDir
    Path dataDir;

    @Test
    void theKioskSyncsInTheBackgroundAndRecoversFromAnUnreachableHub() throws Exception {
        TestDeployment deployment = TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        try (FakeHub hub = new FakeHub(deployment.hubIdentity, TestDeployment.KIOSK_ID);
             KioskApp kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, hub.url(), false,
                     new TestClock(), Duration.ofMillis(50)))) {
            hub.answer(FakeHub.Answer.SERVER_ERROR);
            KioskClient client = new KioskClient(kiosk.port());
            client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
            String code = client.post("/api/households", Households.nourhan()).body().path("token").path("code")
                    .asText();

            Eventually.await(Duration.ofSeconds(10), "the failed sync shows in the status",
                    () -> status(client).path("lastSyncError").asText("").contains("HTTP 500"));
            hub.answer(FakeHub.Answer.ACK);
            Eventually.await(Duration.ofSeconds(10), "the event is acknowledged",
                    () -> status(client).path("pendingEvents").asLong() == 0);

            assertThat(status(client).path("lastSyncError").isNull()).isTrue();
            assertThat(status(client).path("lastSyncAt").asText()).isEqualTo(TestClock.START.toString());
            assertThat(client.get("/api/households/" + code).body().path("synced").asBoolean()).isTrue();
        }
    }

    @Test
    void syncNowFromThePageReportsWhatItDid() throws Exception {
        TestDeployment deployment = TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        try (FakeHub hub = new FakeHub(deployment.hubIdentity, TestDeployment.KIOSK_ID);
             KioskApp kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, hub.url(), false,
                     Clock.systemUTC(), Duration.ZERO))) {
            KioskClient client = new KioskClient(kiosk.port());
            client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
            client.post("/api/households", Households.nourhan());
            client.post("/api/households", Households.nourhan());
            assertThat(hub.batches()).as("no background sync without an interval").isEmpty();

            KioskClient.Reply reply = client.post("/api/sync", Map.of());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("sent").asInt()).isEqualTo(2);
            assertThat(reply.body().path("acknowledged").asInt()).isEqualTo(2);
            assertThat(reply.body().path("pendingEvents").asLong()).isZero();
            assertThat(reply.body().has("error")).isTrue();
            assertThat(reply.body().path("error").isNull()).isTrue();
        }
    }

    private static JsonNode status(KioskClient client) {
        try {
            return client.get("/api/status").body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
