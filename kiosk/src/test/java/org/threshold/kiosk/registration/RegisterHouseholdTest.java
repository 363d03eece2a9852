package org.threshold.kiosk.registration;

import org.threshold.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.ChainVerifier;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hardware.printer.SimulatedCardPrinter;
import org.threshold.kiosk.Households;
import org.threshold.kiosk.KioskFiles;
import org.threshold.kiosk.TestDeployment;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.RegistrationStore;

class RegisterHouseholdTest {
    @TempDir
    Path dataDir;
    private TestDeployment deployment;
    private KioskDatabase database;
    private RegisterHousehold register;

    @BeforeEach
    void setUp() throws Exception {
        deployment = TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        KioskConfig config = deployment.config("http://127.0.0.1:9");
        database = KioskDatabase.open(dataDir.resolve("kiosk.db"));
        RegistrationStore store = new RegistrationStore(database);
        Path cards = Files.createDirectories(dataDir.resolve("cards"));
        register = new RegisterHousehold(config, deployment.kioskKey, new EventLog(database), store,
                new CardPrinting(new SimulatedCardPrinter(cards), store, config), NeedsCatalogue.bundled(),
                new TestClock(), new SecureRandom());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void registrationsFromManyThreadsFormOneUnforkedChain() throws Exception {
        LocalDataKey key = LocalDataKey.generate(new SecureRandom());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<RegistrationReceipt>> work = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                work.add(() -> register.register(Households.nourhan(), Optional.of(key)));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<RegistrationReceipt> receipt : threads.invokeAll(work)) {
                sequences.add(receipt.get().sequence());
            }
            assertThat(sequences).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 24).boxed().toList());
        } finally {
            threads.shutdownNow();
        }

        List<SignedEvent> events = KioskFiles.events(dataDir);
        ChainVerifier.Result verified = ChainVerifier.verify(TestDeployment.KIOSK_ID,
                deployment.kioskKey.verifyingKey(), ChainPosition.GENESIS, events);
        assertThat(verified.complete()).isTrue();
        assertThat(verified.accepted()).isEqualTo(24);
    }
}
