package org.threshold.kiosk.sync;

import org.threshold.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.sync.BatchBody;
import org.threshold.hardware.printer.SimulatedCardPrinter;
import org.threshold.kiosk.FakeHub;
import org.threshold.kiosk.FakeHub.Answer;
import org.threshold.kiosk.Households;
import org.threshold.kiosk.TestDeployment;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.registration.CardPrinting;
import org.threshold.kiosk.registration.RegisterHousehold;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.RegistrationStore;

class SyncClientTest {
    @TempDir
    Path dataDir;
    private final TestClock clock = new TestClock();
    private TestDeployment deployment;
    private KioskDatabase database;
    private EventLog events;
    private RegisterHousehold register;
    private FakeHub hub;

    @BeforeEach
    void setUp() throws Exception {
        deployment = TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        KioskConfig config = deployment.config("http://127.0.0.1:9");
        database = KioskDatabase.open(dataDir.resolve("kiosk.db"));
        events = new EventLog(database);
        RegistrationStore store = new RegistrationStore(database);
        Path cards = Files.createDirectories(dataDir.resolve("cards"));
        register = new RegisterHousehold(config, deployment.kioskKey, events, store,
                new CardPrinting(new SimulatedCardPrinter(cards), store, config), NeedsCatalogue.bundled(), clock,
                new SecureRandom());
        hub = new FakeHub(deployment.hubIdentity, TestDeployment.KIOSK_ID);
    }

    @AfterEach
    void tearDown() {
        hub.close();
        database.close();
    }

    private void registerHouseholds(int count) throws Exception {
        LocalDataKey key = LocalDataKey.generate(new SecureRandom());
        for (int i = 0; i < count; i++) {
            register.register(Households.nourhan(), Optional.of(key));
        }
    }

    private SyncClient client(String hubUrl, SyncClient.Limits limits) {
        return new SyncClient(deployment.config(hubUrl), deployment.kioskKey, events, SyncClient.httpClient(), clock, limits);
    }

    @Test
    void aCorrectlySignedAcknowledgementMarksTheEventsSynced() throws Exception {
        registerHouseholds(2);

        SyncReport report = client(hub.url(), SyncClient.Limits.DEFAULT).syncNow();

        assertThat(report).isEqualTo(new SyncReport(2, 2, 0, null));
        assertThat(events.counts()).isEqualTo(new EventLog.Counts(2, 0));
        assertThat(events.syncState().lastSyncAt()).isEqualTo(TestClock.START);
        assertThat(events.syncState().ackedSequence()).isEqualTo(2);
        assertThat(events.syncState().lastSyncError()).isNull();
        assertThat(hub.contentTypes()).containsOnly(BatchBody.CONTENT_TYPE);
        assertThat(hub.held().get(2L).hash()).isEqualTo(events.hashAt(2).orElseThrow());
    }

    @Test
    void eventsGoInSequenceOrderInBatchesOfAtMostTheLimit() throws Exception {
        registerHouseholds(7);

        SyncReport report = client(hub.url(), new SyncClient.Limits(3, 4L << 20)).syncNow();

        assertThat(hub.batches()).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L));
        assertThat(report).isEqualTo(new SyncReport(7, 7, 0, null));
    }

    @Test
    void aBatchStopsBeforeTheByteLimitButCarriesAtLeastOneEvent() throws Exception {
        registerHouseholds(3);

        client(hub.url(), new SyncClient.Limits(500, 1)).syncNow();

        assertThat(hub.batches()).containsExactly(List.of(1L), List.of(2L), List.of(3L));
    }

    @Test
    void anAcknowledgementSignedByAnotherKeyMarksNothing() throws Exception {
        assertAcknowledgementRefused(Answer.SIGNED_BY_ANOTHER_KEY, "not signed by the hub");
    }

    @Test
    void anAcknowledgementForAnotherKioskMarksNothing() throws Exception {
        assertAcknowledgementRefused(Answer.FOR_ANOTHER_KIOSK, "KIOSK-99");
    }

    @Test
    void anAcknowledgementNamingAnotherHashMarksNothing() throws Exception {
        assertAcknowledgementRefused(Answer.WRONG_HASH, "hashes differ");
    }

    private void assertAcknowledgementRefused(Answer answer, String explanation) throws Exception {
        registerHouseholds(2);
        hub.answer(answer);

        SyncReport report = client(hub.url(), SyncClient.Limits.DEFAULT).syncNow();

        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.acknowledged()).isZero();
        assertThat(report.pendingEvents()).isEqualTo(2);
        assertThat(report.error()).contains(explanation).contains("nothing was marked");
        assertThat(events.counts()).isEqualTo(new EventLog.Counts(2, 2));
        assertThat(events.syncState().lastSyncError()).isEqualTo(report.error());
        assertThat(events.syncState().lastSyncAt()).isNull();
    }

    @Test
    void aServerErrorMarksNothingIsRecordedAndTheNextSyncRetries() throws Exception {
        registerHouseholds(2);
        hub.answer(Answer.SERVER_ERROR);
        SyncClient client = client(hub.url(), SyncClient.Limits.DEFAULT);

        SyncReport failed = client.syncNow();

        assertThat(failed.acknowledged()).isZero();
        assertThat(failed.error()).contains("HTTP 500").contains("INTERNAL").contains("sent again");
        assertThat(events.syncState().lastSyncError()).isEqualTo(failed.error());
        assertThat(events.counts().pending()).isEqualTo(2);

        hub.answer(Answer.ACK);
        assertThat(client.syncNow()).isEqualTo(new SyncReport(2, 2, 0, null));
        assertThat(events.syncState().lastSyncError()).isNull();
        assertThat(hub.batches()).containsExactly(List.of(1L, 2L), List.of(1L, 2L));
    }

    @Test
    void aDroppedConnectionMarksNothingAndIsRecorded() throws Exception {
        registerHouseholds(1);
        try (ServerSocket dropper = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread dropping = new Thread(() -> dropConnections(dropper), "dropping-hub");
            dropping.setDaemon(true);
            dropping.start();

            SyncReport report = client("http://127.0.0.1:" + dropper.getLocalPort(), SyncClient.Limits.DEFAULT)
                    .syncNow();

            assertThat(report.acknowledged()).isZero();
            assertThat(report.error()).startsWith("Could not reach the hub");
            assertThat(events.counts().pending()).isEqualTo(1);
            assertThat(events.syncState().lastSyncError()).isEqualTo(report.error());
        }
    }

    /** Reads the start of each request, then hangs up without a word, like a link that drops mid-request. */
    private static void dropConnections(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket connection = server.accept(); InputStream in = connection.getInputStream()) {
                in.readNBytes(16);
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Test
    void aChainErrorKeepsWhatTheHubAcknowledgedAndReportsTheRest() throws Exception {
        registerHouseholds(3);
        hub.answer(Answer.BREAK_AFTER_FIRST);

        SyncReport report = client(hub.url(), SyncClient.Limits.DEFAULT).syncNow();

        assertThat(report.acknowledged()).isEqualTo(1);
        assertThat(report.pendingEvents()).isEqualTo(2);
        assertThat(report.error()).contains("HTTP 422").contains("CHAIN_BROKEN");
        assertThat(events.syncState().ackedSequence()).isEqualTo(1);
    }

    @Test
    void withNothingPendingTheHubIsNotAsked() throws Exception {
        assertThat(client(hub.url(), SyncClient.Limits.DEFAULT).syncNow()).isEqualTo(new SyncReport(0, 0, 0, null));
        assertThat(hub.batches()).isEmpty();
    }
}
