package org.threshold.kiosk;

import org.threshold.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.ChainVerifier;
import org.threshold.core.event.SignedEvent;

class RegistrationDurabilityTest {
    @TempDir
    Path dataDir;

    @Test
    void aRegistrationAndItsTokenSurviveClosingAndReopeningTheKiosk() throws Exception {
        TestDeployment deployment = TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        KioskSettings settings = new KioskSettings(dataDir, "127.0.0.1", 0, null, false, new TestClock(), null);
        KioskApp first = KioskApp.start(settings);
        KioskClient client = new KioskClient(first.port());
        client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
        JsonNode registered = client.post("/api/households", Households.nourhan()).body();
        first.close();

        try (KioskApp second = KioskApp.start(settings)) {
            KioskClient again = new KioskClient(second.port());
            again.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);

            JsonNode found = again.get("/api/households/" + registered.path("token").path("code").asText()).body();
            assertThat(found.path("householdId").asText()).isEqualTo(registered.path("householdId").asText());
            assertThat(found.path("token").path("qr").asText()).isEqualTo(registered.path("token").path("qr").asText());
            assertThat(found.path("household").path("members").path(0).path("givenName").asText())
                    .as("the local key unwraps again after a restart").isEqualTo(Households.GIVEN_NAME);
            assertThat(again.get("/api/status").body().path("totalEvents").asLong()).isEqualTo(1);

            again.post("/api/households", Households.nourhan());
        }
        List<SignedEvent> events = KioskFiles.events(dataDir);
        assertThat(events).extracting(event -> event.header().sequence()).containsExactly(1L, 2L);
        assertThat(ChainVerifier.verify(TestDeployment.KIOSK_ID, deployment.kioskKey.verifyingKey(),
                ChainPosition.GENESIS, events).complete()).as("the chain continues across the restart").isTrue();
    }
}
