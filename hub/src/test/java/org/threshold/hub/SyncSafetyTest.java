package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.EventBundle;
import org.threshold.core.sync.FeedRejectedException;
import org.threshold.core.sync.FeedRequestSignature;
import org.threshold.core.sync.FeedUpdate;
import org.threshold.core.sync.SignedFeed;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.sync.BundleImport;
import org.threshold.hub.app.sync.IngestGate;

/**
 * The hub's side of issue 4: each hostile or broken input is refused with its own reason and stores nothing;
 * pushback under load; the admin view of gaps and forks; the signed update feed; USB bundles.
 */
class SyncSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dataDir;

    /** SQLite in the data folder; {@code OnPostgres} runs every test here on PostgreSQL. */
    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }
    private HubFixture hub;
    private IngestGate gate;

    private HubClient start() {
        gate = new IngestGate(1, 0, Duration.ZERO, Duration.ofSeconds(3));
        hub = HubFixture.start(dataDir, database());
        hub.stopHub();
        hub.startHub(gate);
        return hub.client();
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void eachHostileBatchIsRefusedWithItsOwnReasonAndStoresNothing() {
        HubClient client = start();
        List<SignedEvent> events = hub.kiosk.registerMany(3);
        assertThat(client.sync("KIOSK-01", events.subList(0, 1)).status()).isEqualTo(200);

        SignedEvent forged = TestKiosk.resignedBy(SigningKey.generate(new SecureRandom()), events.get(1));
        HubClient.Response forgedAnswer = client.sync("KIOSK-01", List.of(forged));
        assertThat(forgedAnswer.status()).isEqualTo(422);
        assertThat(forgedAnswer.json().at("/error/reason").asText()).isEqualTo("BAD_SIGNATURE");

        byte[] tampered = events.get(1).encode();
        tampered[tampered.length - 100] ^= 1;
        HubClient.Response tamperedAnswer = client.postBatch("KIOSK-01", batchOfRaw(List.of(tampered,
                events.get(2).encode())));
        assertThat(tamperedAnswer.status()).isEqualTo(422);
        assertThat(tamperedAnswer.json().at("/error/reason").asText()).isEqualTo("BAD_SIGNATURE");

        HubClient.Response replayed = client.sync("KIOSK-01", events.subList(0, 1));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("stored").asInt()).isZero();
        assertThat(replayed.json().path("duplicates").asInt()).isEqualTo(1);

        hub.server().updates().publish(Optional.of("KIOSK-01"), new FeedUpdate.RevocationOrder(true, "stolen"));
        HubClient.Response revoked = client.sync("KIOSK-01", events.subList(1, 3));
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.reason()).isEqualTo("KIOSK_REVOKED");

        HubClient.Response stranger = client.sync("KIOSK-77", hub.newKiosk("KIOSK-77").registerMany(1));
        assertThat(stranger.reason()).isEqualTo("UNKNOWN_KIOSK");
        assertThat(hub.rows("SELECT sequence FROM events ORDER BY sequence")).containsExactly(List.of(1));
    }

    @Test
    void gapsAndForksAreCountedForAdministrators() {
        HubClient client = start();
        List<SignedEvent> events = hub.kiosk.registerMany(4);
        client.sync("KIOSK-01", events.subList(0, 2));
        HubClient.Response gap = client.sync("KIOSK-01", events.subList(3, 4));
        assertThat(gap.status()).isEqualTo(422);
        assertThat(gap.json().path("resendFrom").asLong()).isEqualTo(3);

        hub.kiosk.rewindTo(new org.threshold.core.event.ChainPosition(1, events.get(0).hash()));
        SignedEvent otherSecond = hub.kiosk.registerMany(1).get(0);
        HubClient.Response fork = client.sync("KIOSK-01", List.of(otherSecond));
        assertThat(fork.status()).isEqualTo(409);
        assertThat(fork.json().at("/error/reason").asText()).isEqualTo("FORK");

        String admin = client.adminSessionToken();
        JsonNode kiosks = client.get("/api/kiosks", "Authorization", "Bearer " + admin).json();
        assertThat(kiosks).hasSize(1);
        JsonNode kiosk = kiosks.get(0);
        assertThat(kiosk.path("kioskId").asText()).isEqualTo("KIOSK-01");
        assertThat(kiosk.path("highestSeq").asLong()).isEqualTo(2);
        assertThat(kiosk.path("events").asLong()).isEqualTo(2);
        assertThat(kiosk.path("gaps").asLong()).isEqualTo(1);
        assertThat(kiosk.path("forks").asLong()).isEqualTo(1);
        assertThat(Instant.parse(kiosk.path("lastContact").asText())).isEqualTo(HubFixture.START);
        JsonNode incidents = client.get("/api/kiosks/KIOSK-01/incidents", "Authorization", "Bearer " + admin).json();
        assertThat(incidents.findValuesAsText("reason")).containsExactly("SEQUENCE_GAP", "FORK");
        assertThat(client.get("/api/kiosks").status()).isEqualTo(401);
    }

    @Test
    void underLoadTheHubAsksKiosksToComeBackLater() {
        HubClient client = start();
        try (IngestGate.Permit busy = gate.enter()) {
            HubClient.Response answer = client.sync("KIOSK-01", hub.kiosk.registerMany(1));
            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.reason()).isEqualTo("HUB_BUSY");
            assertThat(answer.header("Retry-After")).isEqualTo("3");
        }
        assertThat(hub.count("events")).isZero();
        assertThatThrownBy(() -> {
            try (IngestGate.Permit first = gate.enter(); IngestGate.Permit second = gate.enter()) {
                assertThat(second).isNull();
            }
        }).isInstanceOf(Refusal.class);
    }

    @Test
    void theUpdateFeedIsSignedByTheHubAndAnsweredOncePerSignedRequest() {
        HubClient client = start();
        hub.server().updates().publish(Optional.empty(), new FeedUpdate.CatalogueVersion("v5"));
        hub.server().updates().publish(Optional.of("KIOSK-02"), new FeedUpdate.RevokedTokens(List.of("X")));
        hub.server().updates().publish(Optional.of("KIOSK-01"), new FeedUpdate.KioskSettings("South gate", 7,
                List.of("ar", "en")));
        String nonce = "nonce-0123456789abcdef";
        String[] headers = signed(hub.kiosk.key, 0, nonce);

        HubClient.Response answer = client.get("/api/sync/updates?kioskId=KIOSK-01&since=0", headers);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        SignedFeed feed = read(answer.body());
        SignedFeed.Page page = feed.open(hub.hubIdentity.verifyingKey());
        assertThat(page.nonce()).isEqualTo(nonce);
        assertThat(page.next()).isEqualTo(3);
        assertThat(page.updates()).extracting(SignedFeed.Entry::update).containsExactly(
                new FeedUpdate.CatalogueVersion("v5"), new FeedUpdate.KioskSettings("South gate", 7, List.of("ar", "en")));
        assertThatThrownBy(() -> feed.open(hub.kiosk.key.verifyingKey())).isInstanceOf(FeedRejectedException.class);

        assertThat(client.get("/api/sync/updates?kioskId=KIOSK-01&since=0", headers).reason())
                .isEqualTo("REPLAYED_REQUEST");
        assertThat(client.get("/api/sync/updates?kioskId=KIOSK-01&since=1", headers).reason())
                .isEqualTo("BAD_REQUEST_SIGNATURE");
        assertThat(client.get("/api/sync/updates?kioskId=KIOSK-01&since=0",
                signed(SigningKey.generate(new SecureRandom()), 0, "nonce-forged-0123456")).reason())
                .isEqualTo("BAD_REQUEST_SIGNATURE");
    }

    @Test
    void aBundleImportsOnceAndATamperedOneNotAtAll() throws Exception {
        start();
        List<SignedEvent> events = hub.kiosk.registerMany(5);
        byte[] bundle = EventBundle.write("KIOSK-01", HubFixture.START, events.stream().map(SignedEvent::encode)
                .toList(), hub.kiosk.key);
        Path file = Files.write(dataDir.resolve("KIOSK-01.bundle"), bundle);
        BundleImport bundles = new BundleImport(hub.server().sync(), hub.server().services().kiosks());

        byte[] tampered = bundle.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThatThrownBy(() -> bundles.importBytes(tampered)).isInstanceOf(BundleImport.BundleRejectedException.class)
                .hasMessageContaining("not signed");
        assertThat(hub.count("events")).isZero();

        BundleImport.Result first = bundles.importFile(file);
        BundleImport.Result second = bundles.importFile(file);

        assertThat(first.complete()).isTrue();
        assertThat(first.stored()).isEqualTo(5);
        assertThat(second.stored()).isZero();
        assertThat(second.duplicates()).isEqualTo(5);
        assertThat(second.highestSeq()).isEqualTo(5);
        assertThat(hub.count("events")).isEqualTo(5);
        assertThat(HubClient.batch("KIOSK-01", List.of())).isNotEmpty();
        JsonNode ack = hub.client().sync("KIOSK-01", List.of()).json().path("ack");
        assertThat(ack.path("sequence").asLong()).as("the kiosk's next contact learns they arrived").isEqualTo(5);
        assertThatThrownBy(() -> EventBundle.read(new byte[10])).isInstanceOf(MalformedEncodingException.class);
    }

    private static String[] signed(SigningKey key, long since, String nonce) {
        Instant at = HubFixture.START;
        return new String[] {FeedRequestSignature.TIME_HEADER, at.toString(), FeedRequestSignature.NONCE_HEADER, nonce,
            FeedRequestSignature.SIGNATURE_HEADER, FeedRequestSignature.sign(key, "KIOSK-01", since, at, nonce)};
    }

    private static SignedFeed read(String body) {
        try {
            return JSON.readValue(body, SignedFeed.class);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private static byte[] batchOfRaw(List<byte[]> envelopes) {
        List<String> encoded = new ArrayList<>();
        envelopes.forEach(envelope -> encoded.add(Base64.getEncoder().encodeToString(envelope)));
        try {
            return JSON.writeValueAsBytes(java.util.Map.of("kioskId", "KIOSK-01", "events", encoded));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
