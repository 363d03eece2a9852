package org.threshold.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.testing.TestClock;
import org.threshold.hardware.printer.SimulatedCardPrinter;
import org.threshold.kiosk.FakeHub;
import org.threshold.kiosk.Households;
import org.threshold.kiosk.TestDeployment;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.registration.CardPrinting;
import org.threshold.kiosk.registration.RegisterHousehold;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.RegistrationStore;

/**
 * What the scheduler plans after each run, driven run by run against a real HTTP stand-in for the hub: no timer
 * fires and nothing sleeps, the delay it would wait is the answer. The jitter draws 0, so every delay is exact.
 */
class SyncSchedulePlanTest {
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private final TestClock clock = new TestClock();
    private final ScheduledExecutorService unused = new ScheduledThreadPoolExecutor(1);
    private KioskDatabase database;
    private RegisterHousehold register;
    private FakeHub hub;
    private SyncScheduler scheduler;

    @BeforeEach
    void setUp() throws Exception {
        TestDeployment deployment = TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        hub = new FakeHub(deployment.hubIdentity, TestDeployment.KIOSK_ID);
        database = KioskDatabase.open(dataDir.resolve("kiosk.db"));
        EventLog events = new EventLog(database);
        RegistrationStore store = new RegistrationStore(database);
        register = new RegisterHousehold(deployment.config(hub.url()), deployment.kioskKey, events, store,
                new CardPrinting(new SimulatedCardPrinter(Files.createDirectories(dataDir.resolve("cards"))), store,
                        deployment.config(hub.url())), NeedsCatalogue.bundled(), clock, new SecureRandom());
        SyncClient client = new SyncClient(deployment.config(hub.url()), deployment.kioskKey, events, SyncClient.httpClient(), clock,
                SyncClient.Limits.DEFAULT);
        Random noJitter = new Random() {
            @Override
            public double nextDouble() {
                return 0.0;
            }
        };
        scheduler = new SyncScheduler(client, Optional.empty(), unused, INTERVAL,
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), noJitter));
    }

    @AfterEach
    void tearDown() {
        unused.shutdownNow();
        hub.close();
        database.close();
    }

    private void registerOne() throws Exception {
        register.register(Households.nourhan(), Optional.of(LocalDataKey.generate(new SecureRandom())));
    }

    @Test
    void aBusyHubsRetryAfterIsWaitedOutEvenWhenTheBackoffWouldBeShorter() throws Exception {
        registerOne();
        hub.answer(FakeHub.Answer.BUSY);

        assertThat(scheduler.runOnceAndPlan()).as("the hub asked for 30 s; a first backoff would be 1 s")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(hub.held()).isEmpty();

        hub.answer(FakeHub.Answer.ACK);
        assertThat(scheduler.runOnceAndPlan()).isEqualTo(INTERVAL);
        assertThat(hub.held()).hasSize(1);
    }

    @Test
    void failuresBackOffExponentiallyAndOneSuccessStartsTheCountAgain() throws Exception {
        registerOne();
        hub.answer(FakeHub.Answer.SERVER_ERROR);

        assertThat(scheduler.runOnceAndPlan()).isEqualTo(Duration.ofSeconds(1));
        assertThat(scheduler.runOnceAndPlan()).isEqualTo(Duration.ofSeconds(2));
        assertThat(scheduler.runOnceAndPlan()).isEqualTo(Duration.ofSeconds(4));

        hub.answer(FakeHub.Answer.ACK);
        assertThat(scheduler.runOnceAndPlan()).isEqualTo(INTERVAL);

        registerOne();
        hub.answer(FakeHub.Answer.SERVER_ERROR);
        assertThat(scheduler.runOnceAndPlan()).as("back to the first step after a success")
                .isEqualTo(Duration.ofSeconds(1));
    }
}
