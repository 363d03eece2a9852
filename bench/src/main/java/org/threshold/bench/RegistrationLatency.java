package org.threshold.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.threshold.bench.raw.RawSqlite;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.token.IssuedToken;
import org.threshold.hardware.printer.SimulatedCardPrinter;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.kiosk.KioskApp;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.registration.CardPrinting;
import org.threshold.kiosk.registration.RegisterHousehold;
import org.threshold.kiosk.registration.RegistrationReceipt;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.provisioning.Provisioner;

/**
 * One registration, submit to durable commit plus card PNG, against the sum of what it is made of.
 *
 * <p>The kiosk's use case is wired as {@link KioskApp#start} wires it, minus the web server and the
 * operator sessions, so HTTP is not in the number. The primitives get the very bytes of a real
 * registration. Every round runs each operation once, in turn, so a noisy phase of the shared machine
 * slows all of them alike and the ratio stays meaningful even when the absolute figures wander.
 */
final class RegistrationLatency {
    static final String KIOSK = "KIOSK-BENCH";
    static final String SITE = "Bab al-Hawa";

    /** One timed operation; {@code round} keeps the raw inserts' keys unique. */
    @FunctionalInterface
    private interface Operation {
        Object run(int round) throws Exception;
    }

    /** Timings, in the order of {@link #measure}'s operations. */
    record Result(Percentiles registration, Percentiles registrationWithLocalCopy, Percentiles seal,
                  Percentiles sign, Percentiles rawInsert, Percentiles render) {
        double sumOfPrimitiveMedians() {
            return seal.medianMillis() + sign.medianMillis() + rawInsert.medianMillis() + render.medianMillis();
        }
    }

    private RegistrationLatency() {
    }

    static Result measure(Path dir, int measured, int warmUp) throws Exception {
        SecureRandom random = new SecureRandom();
        Path hubDir = dir.resolve("hub");
        Path kioskDir = dir.resolve("kiosk");
        Provisioner provisioner = new Provisioner(random);
        provisioner.initHub(hubDir);
        KioskConfig config = provisioner.enrollKiosk(hubDir, kioskDir, KIOSK, SITE, "http://127.0.0.1:9",
                List.of(new Provisioner.OperatorGrant("bench", OperatorRecord.Role.SUPERVISOR,
                        "bench-passphrase".toCharArray())));
        SigningKey kioskKey = Fixtures.enrolledKioskKey(kioskDir);
        NeedsCatalogue catalogue = NeedsCatalogue.bundled();
        JsonNode household = Fixtures.household();
        // An operator who holds the local data key (the usual case) also gets an encrypted local copy:
        // AES-GCM plus a third row, which the brief's primitives do not include. Timed as a separate row.
        Optional<LocalDataKey> localKey = Optional.of(LocalDataKey.generate(random));

        try (KioskDatabase database = KioskDatabase.open(kioskDir.resolve(KioskApp.DATABASE_FILE));
             Connection raw = RawSqlite.create(kioskDir.resolve("raw-primitive.db"), RAW_KIOSK_SCHEMA)) {
            EventLog events = new EventLog(database);
            RegistrationStore registrations = new RegistrationStore(database);
            CardPrinting cards = new CardPrinting(
                    new SimulatedCardPrinter(Files.createDirectories(kioskDir.resolve(KioskApp.CARDS_FOLDER))),
                    registrations, config);
            RegisterHousehold register = new RegisterHousehold(config, kioskKey, events, registrations, cards,
                    catalogue, Clock.systemDefaultZone(), random);

            // The primitives' inputs are those of this first, real registration (event #1).
            RegistrationReceipt first = register.register(household, Optional.empty());
            SignedEvent event = SignedEvent.decode(events.unsynced(1, Long.MAX_VALUE).get(0).envelope());
            IssuedToken token = IssuedToken.parseQr(first.qr());
            byte[] plaintext = new RegistrationPayload(first.householdId(), SITE, event.header().recordedAt(), token,
                    HouseholdJson.read(household, catalogue, LocalDate.now())).toJson();
            byte[] aad = event.header().encode();
            byte[] unsigned = SignedEvent.unsignedBytes(event.header(), event.payload());
            SealingPublicKey hubKey = config.hubSealing();
            RawRegistrationInsert insert = new RawRegistrationInsert(raw, event, token);
            SimulatedCardPrinter printer =
                    new SimulatedCardPrinter(Files.createDirectories(kioskDir.resolve("cards-primitive")));
            TokenCard card = new TokenCard(token.id().shortCode(), token.qrPayload(), SITE, token.issuedOn(),
                    token.kioskId());

            List<Operation> operations = List.of(
                    round -> register.register(household, Optional.empty()),
                    round -> register.register(household, localKey),
                    round -> HubSealing.seal(hubKey, aad, plaintext),
                    round -> kioskKey.sign(unsigned),
                    insert::commit,
                    round -> printer.print(card));
            long[][] nanos = new long[operations.size()][measured];
            for (int round = 0; round < warmUp + measured; round++) {
                for (int op = 0; op < operations.size(); op++) {
                    long start = System.nanoTime();
                    Object result = operations.get(op).run(round);
                    long elapsed = System.nanoTime() - start;
                    if (result == null) {
                        throw new IllegalStateException("operation " + op + " returned nothing");
                    }
                    if (round >= warmUp) {
                        nanos[op][round - warmUp] = elapsed;
                    }
                }
            }
            return new Result(new Percentiles(nanos[0]), new Percentiles(nanos[1]), new Percentiles(nanos[2]),
                    new Percentiles(nanos[3]), new Percentiles(nanos[4]), new Percentiles(nanos[5]));
        }
    }

    // The kiosk's events and tokens tables, column for column, without the partial index and foreign keys.
    private static final String[] RAW_KIOSK_SCHEMA = {
        "CREATE TABLE events (sequence INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, "
                + "recorded_at TEXT NOT NULL, hash BLOB NOT NULL, envelope BLOB NOT NULL, "
                + "synced INTEGER NOT NULL DEFAULT 0)",
        "CREATE TABLE tokens (code TEXT PRIMARY KEY, household_id TEXT NOT NULL UNIQUE, "
                + "sequence INTEGER NOT NULL UNIQUE, qr TEXT NOT NULL, issued_on TEXT NOT NULL, card_path TEXT, "
                + "printed INTEGER NOT NULL DEFAULT 0)",
    };

    /** Primitive (c): the envelope row and the token row in one committed transaction, statements prepared once. */
    private static final class RawRegistrationInsert {
        private final Connection connection;
        private final PreparedStatement eventRow;
        private final PreparedStatement tokenRow;
        private final SignedEvent event;
        private final byte[] envelope;
        private final byte[] hash;
        private final IssuedToken token;

        RawRegistrationInsert(Connection connection, SignedEvent event, IssuedToken token) throws Exception {
            this.connection = connection;
            this.eventRow = connection.prepareStatement("INSERT INTO events "
                    + "(sequence, event_id, type, recorded_at, hash, envelope) VALUES (?, ?, ?, ?, ?, ?)");
            this.tokenRow = connection.prepareStatement(
                    "INSERT INTO tokens (code, household_id, sequence, qr, issued_on) VALUES (?, ?, ?, ?, ?)");
            this.event = event;
            this.envelope = event.encode();
            this.hash = event.hash();
            this.token = token;
        }

        Object commit(int round) throws Exception {
            // Same bytes every round; only the keys change, since they are unique.
            eventRow.setLong(1, round + 1);
            eventRow.setString(2, "event-" + round);
            eventRow.setString(3, event.header().type().wireName());
            eventRow.setString(4, event.header().recordedAt().toString());
            eventRow.setBytes(5, hash);
            eventRow.setBytes(6, envelope);
            eventRow.executeUpdate();
            tokenRow.setString(1, token.id().code() + round);
            tokenRow.setString(2, "household-" + round);
            tokenRow.setLong(3, round + 1);
            tokenRow.setString(4, token.qrPayload());
            tokenRow.setString(5, token.issuedOn().toString());
            tokenRow.executeUpdate();
            connection.commit();
            return connection;
        }
    }
}
