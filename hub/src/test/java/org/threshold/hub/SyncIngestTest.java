package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.SyncAck;

class SyncIngestTest {
    @TempDir
    Path dataDir;

    /** SQLite in the data folder; {@code OnPostgres} runs every test here on PostgreSQL. */
    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }
    private HubFixture hub;
    private HubClient client;

    @BeforeEach
    void startHub() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void storesABatchAndAcknowledgesItsHeadWithTheHubSignature() {
        List<SignedEvent> events = hub.kiosk.registerMany(3);

        HubClient.Response response = client.sync("KIOSK-01", events);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("stored").asInt()).isEqualTo(3);
        assertThat(response.json().get("duplicates").asInt()).isZero();
        assertThat(response.json().has("error")).isFalse();
        SyncAck ack = ack(response);
        assertThat(ack.kioskId()).isEqualTo("KIOSK-01");
        assertThat(ack.sequence()).isEqualTo(3);
        assertThat(ack.hash()).isEqualTo(events.get(2).hash());
        assertThat(ack.hubTime()).isEqualTo(HubFixture.START);
        assertThat(ack.signedBy(hub.hubIdentity.verifyingKey())).isTrue();
        assertThat(ack.signedBy(hub.kiosk.key.verifyingKey())).isFalse();
        assertThat(hub.count("events")).isEqualTo(3);
        assertThat(hub.rows("SELECT sequence FROM kiosk_heads WHERE kiosk_id = 'KIOSK-01'"))
                .containsExactly(List.of(3));
        assertThat(hub.rows("SELECT envelope FROM events WHERE sequence = 2").get(0).get(0))
                .isEqualTo(events.get(1).encode());
    }

    @Test
    void resendingIsHarmlessAndOverlapsStoreOnlyWhatIsNew() {
        List<SignedEvent> events = hub.kiosk.registerMany(4);
        client.sync("KIOSK-01", events.subList(0, 3));

        HubClient.Response again = client.sync("KIOSK-01", events.subList(0, 3));
        HubClient.Response overlapping = client.sync("KIOSK-01", events.subList(1, 4));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("stored").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(3);
        assertThat(ack(again).sequence()).isEqualTo(3);
        assertThat(overlapping.status()).isEqualTo(200);
        assertThat(overlapping.json().get("stored").asInt()).isEqualTo(1);
        assertThat(overlapping.json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(ack(overlapping).sequence()).isEqualTo(4);
        assertThat(hub.count("events")).isEqualTo(4);
    }

    @Test
    void aGapStoresOnlyTheEventsBeforeIt() {
        List<SignedEvent> events = hub.kiosk.registerMany(5);
        List<SignedEvent> withGap = List.of(events.get(0), events.get(1), events.get(3), events.get(4));

        HubClient.Response response = client.sync("KIOSK-01", withGap);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.reason()).isEqualTo("SEQUENCE_GAP");
        assertThat(response.json().at("/error/index").asInt()).isEqualTo(2);
        assertThat(response.json().at("/error/message").asText()).contains("resend from 3");
        assertThat(response.json().get("stored").asInt()).isEqualTo(2);
        assertThat(ack(response).sequence()).isEqualTo(2);
        assertThat(ack(response).signedBy(hub.hubIdentity.verifyingKey())).isTrue();
        assertThat(hub.rows("SELECT sequence FROM events ORDER BY sequence")).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void anEventSignedWithAnotherKeyIsNotStoredNorAnythingAfterIt() {
        List<SignedEvent> events = new ArrayList<>(hub.kiosk.registerMany(3));
        events.set(2, TestKiosk.resignedBy(SigningKey.generate(new SecureRandom()), events.get(2)));

        HubClient.Response response = client.sync("KIOSK-01", events);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.reason()).isEqualTo("BAD_SIGNATURE");
        assertThat(response.json().at("/error/index").asInt()).isEqualTo(2);
        assertThat(response.json().get("stored").asInt()).isEqualTo(2);
        assertThat(ack(response).sequence()).isEqualTo(2);
        assertThat(hub.count("events")).isEqualTo(2);
    }

    @Test
    void eventsOfAnotherKioskInTheBatchAreRefused() {
        TestKiosk other = hub.newKiosk("KIOSK-02");
        hub.enroll(other);

        HubClient.Response response = client.sync("KIOSK-01", other.registerMany(1));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.reason()).isEqualTo("WRONG_KIOSK");
        assertThat(hub.count("events")).isZero();
    }

    @Test
    void anUnknownKioskIsRefusedUntilItIsEnrolledWhichNeedsNoRestart() {
        TestKiosk newcomer = hub.newKiosk("KIOSK-02");
        List<SignedEvent> events = newcomer.registerMany(2);

        HubClient.Response before = client.sync("KIOSK-02", events);
        hub.enroll(newcomer);
        HubClient.Response after = client.sync("KIOSK-02", events);

        assertThat(before.status()).isEqualTo(401);
        assertThat(before.reason()).isEqualTo("UNKNOWN_KIOSK");
        assertThat(before.json().at("/error/message").asText()).contains("provision kiosk add");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("stored").asInt()).isEqualTo(2);
    }

    @Test
    void bodiesThatAreNotBatchesAreRefusedWithoutStoringAnything() {
        SignedEvent valid = hub.kiosk.register().event();
        String validBase64 = Base64.getEncoder().encodeToString(valid.encode());
        String notAnEnvelope = Base64.getEncoder().encodeToString("THEV but not really".getBytes(StandardCharsets.UTF_8));

        HubClient.Response textPlain = client.postBatch("KIOSK-01", HubClient.batch("KIOSK-01", List.of()),
                "Content-Type", "text/plain");
        HubClient.Response notJson = client.postBatch("KIOSK-01", "events: many".getBytes(StandardCharsets.UTF_8));
        HubClient.Response noEvents = client.postBatch("KIOSK-01", "{\"kioskId\":\"KIOSK-01\"}".getBytes(StandardCharsets.UTF_8));
        HubClient.Response notBase64 = client.postBatch("KIOSK-01", ("{\"kioskId\":\"KIOSK-01\",\"events\":[\""
                + validBase64 + "\",\"%%%\"]}").getBytes(StandardCharsets.UTF_8));
        HubClient.Response garbage = client.postBatch("KIOSK-01", ("{\"kioskId\":\"KIOSK-01\",\"events\":[\""
                + validBase64 + "\",\"" + notAnEnvelope + "\"]}").getBytes(StandardCharsets.UTF_8));

        assertThat(textPlain.status()).isEqualTo(415);
        assertThat(textPlain.reason()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.reason()).isEqualTo("MALFORMED_JSON");
        assertThat(noEvents.status()).isEqualTo(400);
        assertThat(noEvents.reason()).isEqualTo("MALFORMED_BATCH");
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.reason()).isEqualTo("MALFORMED_BATCH");
        assertThat(notBase64.json().at("/error/message").asText()).contains("events[1]");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.reason()).isEqualTo("MALFORMED_BATCH");
        assertThat(garbage.json().at("/error/message").asText()).contains("events[1]");
        assertThat(hub.count("events")).isZero();
    }

    @Test
    void aDifferentEventAtAHeldSequenceIsAForkAndChangesNothing() {
        List<SignedEvent> events = hub.kiosk.registerMany(3);
        client.sync("KIOSK-01", events);
        List<List<Object>> before = hub.rows("SELECT event_id, sequence, hash, envelope FROM events ORDER BY sequence");
        hub.kiosk.rewindTo(ChainPosition.after(events.get(0)));
        List<SignedEvent> forked = hub.kiosk.registerMany(3);

        HubClient.Response response = client.sync("KIOSK-01", forked);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.reason()).isEqualTo("FORK");
        assertThat(response.json().at("/error/index").asInt()).isZero();
        assertThat(response.json().get("stored").asInt()).isZero();
        assertThat(ack(response).sequence()).isEqualTo(3);
        assertThat(ack(response).hash()).isEqualTo(events.get(2).hash());
        assertThat(hub.rows("SELECT event_id, sequence, hash, envelope FROM events ORDER BY sequence"))
                .usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void anotherEventUnderAHeldIdIsAConflictAndOnlyWhatPrecedesItIsStored() {
        List<SignedEvent> events = hub.kiosk.registerMany(2);
        client.sync("KIOSK-01", events);
        SignedEvent fresh = hub.kiosk.register().event();
        SignedEvent reusingAnId = hub.kiosk.seal("{}".getBytes(StandardCharsets.UTF_8), events.get(0).header().eventId());

        HubClient.Response response = client.sync("KIOSK-01", List.of(fresh, reusingAnId));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.reason()).isEqualTo("CONFLICT");
        assertThat(response.json().at("/error/index").asInt()).isEqualTo(1);
        assertThat(response.json().get("stored").asInt()).isEqualTo(1);
        assertThat(ack(response).sequence()).isEqualTo(3);
        assertThat(hub.count("events")).isEqualTo(3);
    }

    @Test
    void acceptsGzipBodies() {
        List<SignedEvent> events = hub.kiosk.registerMany(3);

        HubClient.Response response = client.postBatch("KIOSK-01", HubClient.gzip(HubClient.batch("KIOSK-01", events)), "Content-Encoding", "gzip");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("stored").asInt()).isEqualTo(3);
    }

    @Test
    void anEmptyBatchAsksWhereTheHubStands() {
        HubClient.Response fresh = client.sync("KIOSK-01", List.of());
        List<SignedEvent> events = hub.kiosk.registerMany(2);
        client.sync("KIOSK-01", events);
        HubClient.Response afterSync = client.sync("KIOSK-01", List.of());

        assertThat(fresh.status()).isEqualTo(200);
        assertThat(ack(fresh).sequence()).isZero();
        assertThat(ack(fresh).hash()).isEqualTo(ChainPosition.GENESIS.hash());
        assertThat(ack(afterSync).sequence()).isEqualTo(2);
        assertThat(ack(afterSync).hash()).isEqualTo(events.get(1).hash());
        assertThat(ack(afterSync).signedBy(hub.hubIdentity.verifyingKey())).isTrue();
    }

    @Test
    void refusesBatchesOverTheLimits() {
        StringBuilder tooMany = new StringBuilder("{\"kioskId\":\"KIOSK-01\",\"events\":[");
        for (int i = 0; i < 2_001; i++) {
            tooMany.append(i == 0 ? "" : ",").append("\"AA==\"");
        }
        tooMany.append("]}");
        // 17 MiB of spaces compress to a few kilobytes: the limit must apply after decompression.
        byte[] huge = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');

        HubClient.Response countOver = client.postBatch("KIOSK-01", tooMany.toString().getBytes(StandardCharsets.UTF_8));
        HubClient.Response bytesOver = client.postBatch("KIOSK-01", HubClient.gzip(huge), "Content-Encoding", "gzip");

        assertThat(countOver.status()).isEqualTo(413);
        assertThat(countOver.reason()).isEqualTo("BATCH_TOO_LARGE");
        assertThat(bytesOver.status()).isEqualTo(413);
        assertThat(bytesOver.reason()).isEqualTo("BATCH_TOO_LARGE");
    }

    private static SyncAck ack(HubClient.Response response) {
        JsonNode ack = response.json().get("ack");
        return new SyncAck(ack.get("kioskId").asText(), ack.get("sequence").asLong(), ack.get("hashBase64").asText(),
                Instant.parse(ack.get("hubTime").asText()), ack.get("signatureBase64").asText());
    }
}
