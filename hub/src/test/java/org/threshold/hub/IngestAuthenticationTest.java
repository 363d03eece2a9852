package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.BatchRequestSignature;

/**
 * Issue 13, finding 2: a batch is taken only when the request is signed by the kiosk it names. Unsigned, forged,
 * tampered, stale and replayed requests are refused before the body is trusted, counted on the status page, and
 * leave no incident, no last contact and no signed head behind.
 */
class IngestAuthenticationTest {
    @TempDir
    Path dataDir;
    private HubFixture hub;
    private HubClient client;

    /** SQLite in the data folder; {@code OnPostgres} runs every test here on PostgreSQL. */
    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    @BeforeEach
    void start() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void unauthenticatedBatchesAreRefusedCountedAndLeaveNoIncidentOrContact() {
        List<SignedEvent> events = hub.kiosk.registerMany(4);
        byte[] gap = HubClient.batch("KIOSK-01", events.subList(2, 4));
        hub.kiosk.rewindTo(ChainPosition.GENESIS);
        byte[] empty = HubClient.batch("KIOSK-01", List.of());

        HubClient.Response unsigned = client.post(HubClient.BATCHES, gap, "Content-Type", "application/json");
        HubClient.Response unsignedEmpty = client.post(HubClient.BATCHES, empty, "Content-Type", "application/json");
        HubClient.Response forged = client.post(HubClient.BATCHES, gap, client.signatureHeaders(
                SigningKey.generate(new SecureRandom()), "KIOSK-01", gap));
        String[] signedForEmpty = client.signatureHeaders(hub.kiosk.key, "KIOSK-01", empty);
        HubClient.Response tampered = client.post(HubClient.BATCHES, gap, signedForEmpty);
        hub.clock.advance(Duration.ofMinutes(6));
        HubClient.Response stale = client.post(HubClient.BATCHES, empty, signedForEmpty);
        hub.clock.advance(Duration.ofMinutes(-6));

        assertThat(List.of(unsigned, unsignedEmpty, forged, tampered)).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            assertThat(answer.reason()).isEqualTo("BAD_REQUEST_SIGNATURE");
            assertThat(answer.json().has("ack")).as("no signed head for a stranger").isFalse();
        });
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.reason()).isEqualTo("STALE_REQUEST");
        assertThat(hub.count("events")).isZero();
        String admin = client.adminSessionToken();
        JsonNode kiosk = client.get("/api/kiosks", "Authorization", "Bearer " + admin).json().get(0);
        assertThat(kiosk.path("gaps").asLong()).isZero();
        assertThat(kiosk.path("forks").asLong()).isZero();
        assertThat(kiosk.path("lastContact").isNull() || kiosk.path("lastContact").isMissingNode())
                .as("a stranger cannot make the kiosk look alive: %s", kiosk).isTrue();
        assertThat(client.get("/api/kiosks/KIOSK-01/incidents", "Authorization", "Bearer " + admin).json())
                .isEmpty();
        assertThat(client.get("/api/status").json().at("/ingest/unauthenticatedRejects").asLong()).isEqualTo(5);
    }

    @Test
    void theSignedKioskGetsItsHeadOnceAndOnlyForItsOwnChain() {
        List<SignedEvent> events = hub.kiosk.registerMany(2);
        byte[] batch = HubClient.batch("KIOSK-01", events);
        String[] headers = asJson(client.signatureHeaders(hub.kiosk.key, "KIOSK-01", batch));

        HubClient.Response first = client.post(HubClient.BATCHES, batch, headers);
        HubClient.Response replayed = client.post(HubClient.BATCHES, batch, headers);
        TestKiosk other = hub.newKiosk("KIOSK-02");
        hub.enroll(other);
        byte[] naming01 = HubClient.batch("KIOSK-01", List.of());
        HubClient.Response impersonating = client.post(HubClient.BATCHES, naming01,
                asJson(client.signatureHeaders(other.key, "KIOSK-02", naming01)));
        HubClient.Response empty = client.sync("KIOSK-01", List.of());

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.reason()).isEqualTo("REPLAYED_REQUEST");
        assertThat(impersonating.status()).isEqualTo(400);
        assertThat(impersonating.json().has("ack")).isFalse();
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().at("/ack/sequence").asLong()).isEqualTo(2);
        assertThat(client.get("/api/status").json().at("/ingest/unauthenticatedRejects").asLong())
                .as("a replay is refused as unauthenticated too").isEqualTo(1);
        assertThat(BatchRequestSignature.KIOSK_HEADER).isEqualTo("X-Threshold-Kiosk");
    }

    private static String[] asJson(String[] headers) {
        String[] typed = java.util.Arrays.copyOf(headers, headers.length + 2);
        typed[headers.length] = "Content-Type";
        typed[headers.length + 1] = "application/json";
        return typed;
    }
}
