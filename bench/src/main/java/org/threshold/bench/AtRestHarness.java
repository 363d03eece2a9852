package org.threshold.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.crypto.Passphrase;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hardware.printer.SimulatedCardPrinter;
import org.threshold.kiosk.KioskApp;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.localdata.LocalKeyImport;
import org.threshold.kiosk.localdata.LocalKeyVault;
import org.threshold.core.search.NameTerms;
import org.threshold.kiosk.registration.CardPrinting;
import org.threshold.kiosk.registration.RegisterHousehold;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.OperatorKeyStore;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.provisioning.Provisioner;

/**
 * The cost of keeping the kiosk safe at rest (issue 3), on a kiosk enrolled by the real provisioning
 * code with the production Argon2id costs:
 * <ul>
 *   <li>registration latency (validate, seal, sign, durable commit, card PNG) with the local copy under
 *       AES-256-GCM and the blind name index, against the same without either;</li>
 *   <li>shift unlock: the passphrase check ({@link Argon2idCost#DEFAULT}) plus unwrapping the local data
 *       key ({@link Argon2idCost#SHIFT_KEY}), and each Argon2id derivation alone.</li>
 * </ul>
 * Rounds alternate the variants so a noisy phase of a shared machine slows both alike.
 * {@code java -cp "bench/target/benchmarks.jar" org.threshold.bench.AtRestHarness [rounds]}
 */
public final class AtRestHarness {
    private static final String OPERATOR = "bench";
    private static final String PASSPHRASE = "bench-passphrase";

    private AtRestHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dir = Files.createTempDirectory("threshold-at-rest-bench");
        SecureRandom random = new SecureRandom();
        Path hubDir = dir.resolve("hub");
        Path kioskDir = dir.resolve("kiosk");
        Provisioner provisioner = new Provisioner(random);
        provisioner.initHub(hubDir);
        KioskConfig config = provisioner.enrollKiosk(hubDir, kioskDir, "KIOSK-BENCH", "Bab al-Hawa",
                "http://127.0.0.1:9", List.of(new Provisioner.OperatorGrant(OPERATOR, OperatorRecord.Role.SUPERVISOR,
                        PASSPHRASE.toCharArray())));
        List<OperatorRecord> operators = new ObjectMapper().readValue(
                kioskDir.resolve(DeploymentLayout.OPERATORS).toFile(), new TypeReference<>() { });
        NameTerms.warmUp();
        JsonNode household = Fixtures.household();

        try (KioskDatabase database = KioskDatabase.open(kioskDir.resolve(KioskApp.DATABASE_FILE))) {
            OperatorKeyStore keys = new OperatorKeyStore(database);
            LocalKeyImport.run(kioskDir, keys, Clock.systemUTC().instant());
            LocalKeyVault vault = new LocalKeyVault(keys, Clock.systemUTC(), random);
            OperatorSessions sessions = new OperatorSessions(operators, vault, Clock.systemUTC(), random,
                    Duration.ofMinutes(15));

            int unlockRounds = Math.max(5, rounds / 20);
            long[] unlock = new long[unlockRounds];
            long[] shiftKey = new long[unlockRounds];
            long[] passphraseCheck = new long[unlockRounds];
            byte[] salt = new byte[16];
            for (int round = -2; round < unlockRounds; round++) {
                long start = System.nanoTime();
                String token = sessions.unlock(OPERATOR, Passphrase.wrap(PASSPHRASE.toCharArray()));
                long unlocked = System.nanoTime() - start;
                sessions.lock(token);
                start = System.nanoTime();
                Argon2idCost.SHIFT_KEY.derive(PASSPHRASE.toCharArray(), salt, 32);
                long derived = System.nanoTime() - start;
                start = System.nanoTime();
                Argon2idCost.DEFAULT.derive(PASSPHRASE.toCharArray(), salt, 32);
                long checked = System.nanoTime() - start;
                if (round >= 0) {
                    unlock[round] = unlocked;
                    shiftKey[round] = derived;
                    passphraseCheck[round] = checked;
                }
            }

            Optional<LocalDataKey> key = vault.unlock(operators.get(0), PASSPHRASE.toCharArray());
            if (key.isEmpty()) {
                throw new IllegalStateException("The provisioned wrap did not open with the passphrase");
            }
            EventLog events = new EventLog(database);
            RegistrationStore registrations = new RegistrationStore(database);
            CardPrinting cards = new CardPrinting(
                    new SimulatedCardPrinter(Files.createDirectories(kioskDir.resolve(KioskApp.CARDS_FOLDER))),
                    registrations, config);
            RegisterHousehold register = new RegisterHousehold(config, Fixtures.enrolledKioskKey(kioskDir), events,
                    registrations, cards, NeedsCatalogue.bundled(), Clock.systemDefaultZone(), random);
            int warmUp = Math.max(10, rounds / 10);
            long[] plain = new long[rounds];
            long[] protectedLocally = new long[rounds];
            for (int round = 0; round < warmUp + rounds; round++) {
                long start = System.nanoTime();
                register.register(household, Optional.empty());
                long withoutLocal = System.nanoTime() - start;
                start = System.nanoTime();
                register.register(household, key);
                long withLocal = System.nanoTime() - start;
                if (round >= warmUp) {
                    plain[round - warmUp] = withoutLocal;
                    protectedLocally[round - warmUp] = withLocal;
                }
            }

            Percentiles without = new Percentiles(plain);
            Percentiles with = new Percentiles(protectedLocally);
            Percentiles unlocking = new Percentiles(unlock);
            Percentiles shift = new Percentiles(shiftKey);
            Percentiles check = new Percentiles(passphraseCheck);
            System.out.printf("registration, no local copy, no index   median %7.2f ms  p90 %7.2f ms  (%d rounds)%n",
                    without.medianMillis(), without.p90Millis(), rounds);
            System.out.printf("registration, AES-GCM copy + blind index median %7.2f ms  p90 %7.2f ms  (+%.2f ms)%n",
                    with.medianMillis(), with.p90Millis(), with.medianMillis() - without.medianMillis());
            System.out.printf("shift unlock (check + unwrap)            median %7.1f ms  p90 %7.1f ms  (%d rounds)%n",
                    unlocking.medianMillis(), unlocking.p90Millis(), unlockRounds);
            System.out.printf("  Argon2id %s alone      median %7.1f ms%n", Argon2idCost.SHIFT_KEY.encode(),
                    shift.medianMillis());
            System.out.printf("  Argon2id %s alone      median %7.1f ms%n", Argon2idCost.DEFAULT.encode(),
                    check.medianMillis());
            System.out.printf("estimated on a Raspberry Pi 4: shift unlock %.1f to %.1f s (this core x5 to x7)%n",
                    unlocking.medianMillis() * 5 / 1000, unlocking.medianMillis() * 7 / 1000);
        }
    }
}
