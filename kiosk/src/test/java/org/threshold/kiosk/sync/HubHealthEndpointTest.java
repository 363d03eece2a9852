package org.threshold.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.kiosk.TestDeployment;
import org.threshold.provisioning.Provisioner;

/** The probe against a real hub's {@code GET /health}: up while the hub serves, down once it has stopped. */
class HubHealthEndpointTest {

    @Test
    void aRealHubIsUpWhileItServesAndDownOnceItStops(@TempDir Path hubDir) throws Exception {
        new Provisioner(new SecureRandom(), TestDeployment.TEST_COST).initHub(hubDir);
        HubServer hub = HubServer.start(HubSettings.of(hubDir));
        HubHealthEndpoint probe = new HubHealthEndpoint(
                TestDeployment.enroll(hubDir.resolve("kiosk"), "http://127.0.0.1:" + hub.port() + "/")
                        .config("http://127.0.0.1:" + hub.port() + "/"), SyncClient.httpClient());
        try {
            assertThat(probe.answers()).isTrue();
        } finally {
            hub.close();
        }

        assertThat(probe.answers()).isFalse();
    }
}
