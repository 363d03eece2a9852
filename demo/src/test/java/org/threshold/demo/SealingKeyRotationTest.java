package org.threshold.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.HubKeysFile;
import org.threshold.core.deployment.SealingKeyFile;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.FeedUpdate;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.kiosk.KioskApp;
import org.threshold.kiosk.KioskSettings;
import org.threshold.kiosk.sync.SyncStateFile;

/**
 * The hub rotates its sealing key and announces it on the update feed: the running kiosk seals its very next
 * registration to the new key, without a restart, and the hub opens the events sealed before and after.
 */
class SealingKeyRotationTest {
    // Arrived four days ago, by the kiosk's clock: a fixed date fails the one-year plausibility rule one day.
    private static final String HOUSEHOLD = """
            {"duplicateReviewed":true,
             "arrivalDate":"%s","origin":{"country":"SYR","place":"Aleppo"},"languages":["ar"],
             "consent":{"registration":true,"referral":true},
             "members":[{"givenName":"نورهان","familyName":"الزعبي","sex":"F","birthDate":"1990-03-01",
                         "birthDateEstimated":false,"nationality":"SYR","relationship":"FOCAL_POINT","needs":[]}]}"""
            .formatted(LocalDate.now().minusDays(4));

    @TempDir
    Path data;

    @Test
    @Timeout(60)
    void aKeyRotatedThroughTheFeedSealsTheNextRegistrationAndTheHubOpensBoth() throws Exception {
        Path hubDir = data.resolve("hub");
        Path kioskDir = data.resolve("kiosk");
        RunningDemo.start(data, 0, 0).close();
        // The rotation at the hub: a new current key; the old one stays for the events already sealed to it.
        Path keysFile = hubDir.resolve(DeploymentLayout.HUB_KEYS);
        HubKeysFile keys = JsonHttp.JSON.readValue(keysFile.toFile(), HubKeysFile.class);
        String oldKeyId = keys.currentSealing().keyId();
        SealingPrivateKey rotated = HubSealing.generate(new SecureRandom());
        List<SealingKeyFile> sealing = new ArrayList<>();
        keys.sealing().forEach(key -> sealing.add(new SealingKeyFile(key.keyId(), key.privateKey(), key.publicKey(),
                false)));
        sealing.add(SealingKeyFile.of(rotated, true));
        JsonHttp.JSON.writeValue(keysFile.toFile(), new HubKeysFile(keys.identity(), sealing));

        try (HubServer hub = HubServer.start(new HubSettings(hubDir, "127.0.0.1", 0, true, Clock.systemUTC(),
                RunningDemo.ADMIN, RunningDemo.ADMIN_PASSWORD.toCharArray()));
             KioskApp kioskApp = KioskApp.start(new KioskSettings(kioskDir, "127.0.0.1", 0,
                     "http://127.0.0.1:" + hub.port(), true, Clock.systemDefaultZone(), Duration.ofMillis(100)))) {
            JsonHttp kiosk = new JsonHttp("http://127.0.0.1:" + kioskApp.port()).login("/api/session", "operator",
                    RunningDemo.OPERATOR, "passphrase", RunningDemo.OPERATOR_PASSPHRASE);
            JsonHttp.Response before = kiosk.post("/api/households", HOUSEHOLD);
            assertThat(before.status()).isEqualTo(201);

            hub.updates().publish(Optional.of(RunningDemo.KIOSK_ID), new FeedUpdate.SealingKey(
                    rotated.publicKey().keyId(), rotated.publicKey().toBase64()));
            SyncStateFile state = new SyncStateFile(kioskDir);
            // The kiosk calls its listeners before it records the page, so once recorded the key is in use.
            await("the kiosk applied the rotated key", () -> state.read().sealingKey() != null);
            JsonHttp.Response after = kiosk.post("/api/households", HOUSEHOLD);
            assertThat(after.status()).isEqualTo(201);

            assertThat(sealingKeyIds(kioskDir)).containsExactly(oldKeyId, rotated.publicKey().keyId());
            await("both events reached the hub", () -> status(kiosk) == 0);
            JsonHttp hubApi = new JsonHttp("http://127.0.0.1:" + hub.port())
                    .login("/api/login", "username", RunningDemo.PROTECTION_OFFICER, "password", RunningDemo.ADMIN_PASSWORD);
            for (JsonHttp.Response registered : List.of(before, after)) {
                JsonHttp.Response found = hubApi.get("/api/tokens/" + registered.body().at("/token/code").asText());
                assertThat(found.status()).isEqualTo(200);
                assertThat(found.body().at("/household/members/0/givenName").asText()).isEqualTo("نورهان");
            }
            assertThat(HubCounts.read(hubDir).households()).isEqualTo(2);
        }
    }

    private static long status(JsonHttp kiosk) {
        try {
            return kiosk.get("/api/status").body().get("pendingEvents").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The sealing key id of each event in the kiosk's log, in sequence order. */
    private static List<String> sealingKeyIds(Path kioskDir) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kioskDir.resolve("kiosk.db"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT envelope FROM events ORDER BY sequence")) {
            while (rows.next()) {
                ids.add(SignedEvent.decode(rows.getBytes(1)).header().sealingKeyId());
            }
        }
        return ids;
    }

    /** Bounded polling for what the kiosk's background sync does. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
