package org.threshold.demo.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.sync.FeedUpdate;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.hub.app.sync.BundleImport;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.sync.BundleExport;
import org.threshold.kiosk.sync.PinnedCertificate;
import org.threshold.kiosk.sync.SyncClient;
import org.threshold.kiosk.sync.SyncReport;
import org.threshold.kiosk.sync.SyncStateFile;
import org.threshold.kiosk.sync.UpdateListeners;
import org.threshold.kiosk.sync.UpdatePuller;
import org.threshold.provisioning.Provisioner;

/** The real kiosk sync client against the real hub: HTTPS with a pinned certificate, the update feed, bundles. */
class KioskHubSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path data;

    private KioskConfig enroll(Path hubDir, Path kioskDir, String hubUrl) throws Exception {
        Provisioner provisioner = new Provisioner(new SecureRandom());
        provisioner.initHub(hubDir);
        provisioner.enrollKiosk(hubDir, kioskDir, "KIOSK-01", "North gate", hubUrl, List.of(
                new Provisioner.OperatorGrant("amal", OperatorRecord.Role.SUPERVISOR, "passphrase-1".toCharArray())));
        return JSON.readValue(kioskDir.resolve(DeploymentLayout.KIOSK_CONFIG).toFile(), KioskConfig.class);
    }

    private static SigningKey kioskKey(Path kioskDir) throws Exception {
        return JSON.readValue(kioskDir.resolve(DeploymentLayout.KIOSK_KEY).toFile(), KeyPairFile.class).signingKey();
    }

    @Test
    void overHttpsTheKioskTrustsOnlyThePinnedHubAndAppliesOnlyItsSignedUpdates() throws Exception {
        Path hubDir = data.resolve("hub");
        Path kioskDir = data.resolve("kiosk");
        TestCertificates tls = TestCertificates.generate();
        tls.installInHub(hubDir);
        try (HubServer hub = HubServer.start(HubSettings.of(hubDir).withPort(0))) {
            throw new IllegalStateException("unreachable: keys.json is made by enroll() below");
        } catch (org.threshold.hub.HubStartupException expected) {
            // The hub needs its keys first.
        }
        KioskConfig config = enroll(hubDir, kioskDir, "https://127.0.0.1:1");
        try (HubServer hub = HubServer.start(HubSettings.of(hubDir));
             KioskDatabase database = KioskDatabase.open(kioskDir.resolve("kiosk.db"))) {
            KioskConfig https = config.withHubUrl("https://127.0.0.1:" + hub.port());
            PendingEvents.fill(kioskDir, 30);
            EventLog log = new EventLog(database);

            SyncReport untrusting = new SyncClient(https, kioskKey(kioskDir), log, SyncClient.httpClient(
                    TestCertificates.generate().sha256()), Clock.systemUTC(), SyncClient.Limits.DEFAULT).syncNow();
            assertThat(untrusting.error()).as("another certificate is not the hub's").contains("Could not reach");
            assertThat(log.counts().pending()).isEqualTo(30);

            tls.writePem(kioskDir.resolve(PinnedCertificate.FILE));
            var pinned = SyncClient.httpClient(PinnedCertificate.sha256(kioskDir.resolve(PinnedCertificate.FILE)));
            SyncClient client = new SyncClient(https, kioskKey(kioskDir), log, pinned, Clock.systemUTC(), new SyncClient.Limits(7, 1 << 20));
            SyncReport report = client.syncNow();
            assertThat(report.error()).isNull();
            assertThat(report.acknowledged()).isEqualTo(30);
            assertThat(client.connection().online()).isTrue();
            assertThat(PendingEvents.onHub(hubDir, "KIOSK-01")).isEqualTo(PendingEvents.onKiosk(kioskDir));

            SealingPublicKey rotated = HubSealing.generate(new SecureRandom()).publicKey();
            hub.updates().publish(Optional.empty(), new FeedUpdate.CatalogueVersion("v5"));
            hub.updates().publish(Optional.of("KIOSK-01"), new FeedUpdate.SealingKey(rotated.keyId(),
                    rotated.toBase64()));
            hub.updates().publish(Optional.of("KIOSK-01"), new FeedUpdate.RevocationOrder(true, "reported stolen"));
            List<FeedUpdate.RevocationOrder> wipes = new ArrayList<>();
            SyncStateFile state = new SyncStateFile(kioskDir);
            UpdatePuller puller = new UpdatePuller(https, kioskKey(kioskDir), pinned, Clock.systemUTC(),
                    new SecureRandom(), state, UpdateListeners.none().withRevocation(wipes::add));

            UpdatePuller.PullReport pulled = puller.pull();

            assertThat(pulled.error()).isNull();
            assertThat(pulled.applied()).isEqualTo(3);
            assertThat(wipes).containsExactly(new FeedUpdate.RevocationOrder(true, "reported stolen"));
            assertThat(state.read().catalogueVersion()).isEqualTo("v5");
            assertThat(state.read().sealingKey().keyId()).isEqualTo(rotated.keyId());
            assertThat(puller.pull().applied()).as("the cursor moved on").isZero();

            KioskConfig impostorKey = new KioskConfig("KIOSK-01", "North gate", https.hubUrl(),
                    SigningKey.generate(new SecureRandom()).verifyingKey().toBase64(), https.hubSealingKey());
            SyncStateFile fresh = new SyncStateFile(data.resolve("elsewhere"));
            java.nio.file.Files.createDirectories(data.resolve("elsewhere"));
            UpdatePuller.PullReport refused = new UpdatePuller(impostorKey, kioskKey(kioskDir), pinned,
                    Clock.systemUTC(), new SecureRandom(), fresh, UpdateListeners.none().withRevocation(wipes::add)).pull();
            assertThat(refused.reason()).isEqualTo("WRONG_HUB_KEY");
            assertThat(wipes).hasSize(1);
            assertThat(fresh.read().feedCursor()).isZero();

            PendingEvents.fill(kioskDir, 5);
            SyncReport afterRevocation = client.syncNow();
            assertThat(afterRevocation.error()).contains("KIOSK_REVOKED");
            assertThat(log.counts().pending()).as("nothing unacknowledged is given up").isEqualTo(5);
        }
    }

    @Test
    void aUsbBundleArrivesOnceAndTheKioskLearnsItAtItsNextContact() throws Exception {
        Path hubDir = data.resolve("hub");
        Path kioskDir = data.resolve("kiosk");
        KioskConfig config = enroll(hubDir, kioskDir, "http://127.0.0.1:1");
        PendingEvents.fill(kioskDir, 40);
        Path drive = data.resolve("usb");
        java.nio.file.Files.createDirectories(drive);
        Path bundle = drive.resolve("KIOSK-01.thbundle");
        try (KioskDatabase database = KioskDatabase.open(kioskDir.resolve("kiosk.db"))) {
            BundleExport.Exported exported = new BundleExport("KIOSK-01", kioskKey(kioskDir), new EventLog(database),
                    new SyncStateFile(kioskDir), Clock.systemUTC()).exportTo(bundle);
            assertThat(exported.events()).isEqualTo(40);
            assertThat(new EventLog(database).counts().pending()).as("exporting acknowledges nothing").isEqualTo(40);
        }
        try (HubServer hub = HubServer.start(HubSettings.of(hubDir))) {
            BundleImport bundles = new BundleImport(hub.sync(), hub.services().kiosks());
            assertThat(bundles.importFile(bundle).stored()).isEqualTo(40);
            assertThat(bundles.importFile(bundle).stored()).isZero();
            assertThat(PendingEvents.onHub(hubDir, "KIOSK-01")).isEqualTo(PendingEvents.onKiosk(kioskDir));

            try (KioskDatabase database = KioskDatabase.open(kioskDir.resolve("kiosk.db"))) {
                SyncClient client = new SyncClient(config.withHubUrl("http://127.0.0.1:" + hub.port()),
                        kioskKey(kioskDir), new EventLog(database), SyncClient.httpClient(), Clock.systemUTC(), SyncClient.Limits.DEFAULT);
                client.askForAckFirst();
                SyncReport report = client.syncNow();
                assertThat(report.sent()).as("nothing is sent twice").isZero();
                assertThat(report.acknowledged()).isEqualTo(40);
                assertThat(report.pendingEvents()).isZero();
            }
        }
    }
}
