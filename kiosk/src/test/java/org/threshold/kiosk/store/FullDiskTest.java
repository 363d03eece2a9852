package org.threshold.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.testing.TestClock;
import org.threshold.hardware.printer.SimulatedCardPrinter;
import org.threshold.kiosk.Households;
import org.threshold.kiosk.TestDeployment;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.registration.CardPrinting;
import org.threshold.kiosk.registration.RegisterHousehold;

/**
 * The disk fills up in the middle of a registration (SQLite's own limit stands in for the disk: it
 * fails the write with SQLITE_FULL exactly as a full file system does): the registration is refused
 * as a whole, and what was stored before is intact.
 */
class FullDiskTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFindsTheDiskFullLeavesNothingHalfWrittenAndHarmsNothingStored() throws Exception {
        TestDeployment deployment = TestDeployment.enroll(dir, "http://127.0.0.1:9");
        SecureRandom random = new SecureRandom();
        TestClock clock = new TestClock();
        try (KioskDatabase database = KioskDatabase.open(dir.resolve("kiosk.db"))) {
            EventLog events = new EventLog(database);
            RegistrationStore registrations = new RegistrationStore(database);
            RegisterHousehold register = new RegisterHousehold(deployment.config("http://127.0.0.1:9"),
                    deployment.kioskKey, events, registrations,
                    new CardPrinting(new SimulatedCardPrinter(Files.createDirectories(dir.resolve("cards"))),
                            registrations, deployment.config("http://127.0.0.1:9")),
                    NeedsCatalogue.bundled(), clock, random);
            Optional<LocalDataKey> key = Optional.of(LocalDataKey.generate(random));
            ObjectNode household = Households.nourhan();
            String kept = register.register(household, key).shortCode();
            database.read("fill the disk", connection -> {
                try (Statement statement = connection.createStatement()) {
                    long pages;
                    try (ResultSet count = statement.executeQuery("PRAGMA page_count")) {
                        count.next();
                        pages = count.getLong(1);
                    }
                    statement.execute("PRAGMA max_page_count = " + pages);
                }
                return null;
            });
            for (int i = 0; i < 30; i++) {
                household.withArray("members").add(Households.nourhan().withArray("members").get(1).deepCopy());
            }

            assertThatThrownBy(() -> register.register(household, key))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("Could not save the registration");

            assertThat(events.counts().total()).isEqualTo(1);
            assertThat(registrations.findByToken(org.threshold.core.token.TokenId.parseShortCode(kept).code()))
                    .isPresent();
            assertThat(database.integrityCheck()).containsExactly("ok");
        }
    }
}
