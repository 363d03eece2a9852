package org.threshold.kiosk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hardware.DeviceInfo;
import org.threshold.hardware.printer.PrintResult;
import org.threshold.hardware.printer.TokenPrinter;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.localdata.LocalKeyImport;
import org.threshold.kiosk.localdata.LocalKeyVault;
import org.threshold.core.search.NameTerms;
import org.threshold.kiosk.registration.CardPrinting;
import org.threshold.kiosk.registration.RegisterHousehold;
import org.threshold.kiosk.registration.RegistrationReceipt;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.OperatorKeyStore;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.kiosk.store.StorageGuard;

/**
 * The kiosk process {@link CrashTest} kills: the real registration path (validation, token, X-Wing
 * seal, signature, local encryption and blind index, one durable transaction) without the web server,
 * so a JVM starts in a fraction of a second. Prints {@code READY}, then {@code OK <token code>} for each
 * registration once {@code register} has returned, exactly when the kiosk would show it as confirmed.
 * {@code CrashChild DIR [COUNT]} registers COUNT times (forever without) and exits.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        long count = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        Clock clock = Clock.systemDefaultZone();
        SecureRandom random = new SecureRandom();
        timing("enrollment");
        Enrollment enrollment = Enrollment.read(dataDir);
        Path temp = Files.createDirectories(dataDir.resolve(KioskApp.TEMP_FOLDER));
        System.setProperty("org.sqlite.tmpdir", Files.createDirectories(dataDir.resolve("sqlite-native")).toString());
        boolean firstStart = !Files.exists(dataDir.resolve(KioskApp.DATABASE_FILE));
        try (KioskDatabase database = KioskDatabase.open(dataDir.resolve(KioskApp.DATABASE_FILE), temp)) {
            timing("db-open");
            StorageGuard storage = StorageGuard.atStart(dataDir, database, firstStart, 0, clock.instant());
            OperatorKeyStore keys = new OperatorKeyStore(database);
            LocalKeyImport.run(dataDir, keys, clock.instant());
            timing("keys-imported");
            LocalDataKey key = new LocalKeyVault(keys, clock, random)
                    .unlock(enrollment.operators().get(0), TestDeployment.PASSPHRASE.toCharArray()).orElseThrow();
            timing("unlocked");
            EventLog events = new EventLog(database);
            RegistrationStore registrations = new RegistrationStore(database);
            RegisterHousehold register = new RegisterHousehold(enrollment.config(), enrollment.kioskKey(), events,
                    registrations, new CardPrinting(new NoPrinter(dataDir), registrations, enrollment.config()),
                    NeedsCatalogue.bundled(), clock, random, storage);
            timing("wired");
            ObjectNode household = Households.nourhan();
            household.put("arrivalDate", LocalDate.now(clock).minusDays(1).toString());
            timing("household");
            NameTerms.warmUp();
            timing("icu");
            out.println("READY");
            for (long i = 0; i < count; i++) {
                RegistrationReceipt receipt = register.register(household, Optional.of(key));
                out.println("OK " + receipt.shortCode());
            }
            storage.stoppedCleanly();
        }
    }

    private static final long START = System.nanoTime();

    /** With -Dcrash.timing, how long each step of the start took, on stderr. */
    private static void timing(String step) {
        if (Boolean.getBoolean("crash.timing")) {
            System.err.println("T " + (System.nanoTime() - START) / 1_000_000 + " ms " + step);
        }
    }

    /** Printing is not what is tested; a card "prints" instantly. */
    private record NoPrinter(Path folder) implements TokenPrinter {
        @Override
        public PrintResult print(org.threshold.hardware.printer.TokenCard card) {
            return new PrintResult(java.util.Optional.of(folder.toAbsolutePath().resolve("card.png")));
        }

        @Override
        public DeviceInfo describe() {
            return new DeviceInfo("printer", "none", true, "crash test");
        }
    }
}
