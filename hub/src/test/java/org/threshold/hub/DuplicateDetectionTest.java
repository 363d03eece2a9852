package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.duplicate.DuplicateDetection;
import org.threshold.hub.app.duplicate.DuplicatePair;
import org.threshold.hub.app.duplicate.DuplicateStatus;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.deployment.HubDataKey;

/**
 * Duplicate detection as the projector runs it, on a real store (SQLite and PostgreSQL): a second registration of the
 * same person is queued once, however often its chunk is applied; someone else of the same name is not; a name and
 * birth year shared by more households than {@link DuplicateDetection#MAX_BLOCK} is not compared at all.
 */
class DuplicateDetectionTest {
    @Nested
    class OnSqlite extends DuplicateDetectionContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends DuplicateDetectionContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class DuplicateDetectionContract extends StoreContract {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final LocalDate BORN = LocalDate.of(1990, 3, 1);
    private final HouseholdVault vault = new HouseholdVault(HubDataKey.generate(RANDOM), RANDOM);
    private final DuplicateDetection detection = new DuplicateDetection(vault,
            Clock.fixed(AT, ZoneOffset.UTC));

    @Test
    void theSamePersonRegisteredAgainIsQueuedOnceAndSomeoneElseOfTheSameNameIsNot() {
        UUID first = store(person("أمينة", "حداد", Sex.F, BORN));
        UUID namesake = store(person("Amina", "Haddad", Sex.M, LocalDate.of(1991, 7, 9)));
        UUID again = store(person("Amina", "Haddad", Sex.F, BORN));

        int queued = detect(again, person("Amina", "Haddad", Sex.F, BORN));
        int requeued = detect(again, person("Amina", "Haddad", Sex.F, BORN));

        assertThat(queued).isEqualTo(1);
        assertThat(requeued).isZero();
        List<DuplicatePair> open = store.read(repositories -> repositories.duplicates()
                .list(DuplicateStatus.OPEN, 10));
        assertThat(open).hasSize(1);
        assertThat(open.get(0).names(first)).isTrue();
        assertThat(open.get(0).names(again)).isTrue();
        assertThat(open.get(0).names(namesake)).isFalse();
        assertThat(open.get(0).score()).isEqualTo(90);
    }

    @Test
    void aNameAndYearSharedByMoreThanTheBlockLimitIsNotCompared() {
        for (int i = 0; i < DuplicateDetection.MAX_BLOCK; i++) {
            store(person("Mohammed", "Haddad", Sex.M, BORN));
        }
        UUID arrival = store(person("Mohammed", "Haddad", Sex.M, BORN));

        assertThat(detect(arrival, person("Mohammed", "Haddad", Sex.M, BORN))).isZero();
        List<DuplicatePair> open = store.read(repositories -> repositories.duplicates()
                .list(DuplicateStatus.OPEN, 50));
        assertThat(open).isEmpty();
    }

    @Test
    void justUnderTheBlockLimitEveryoneIsCompared() {
        List<UUID> stored = new ArrayList<>();
        for (int i = 0; i < DuplicateDetection.MAX_BLOCK - 1; i++) {
            stored.add(store(person("Mohammed", "Haddad", Sex.M, BORN)));
        }
        UUID arrival = store(person("Mohammed", "Haddad", Sex.M, BORN));

        assertThat(detect(arrival, person("Mohammed", "Haddad", Sex.M, BORN))).isEqualTo(stored.size());
    }

    private int detect(UUID householdId, Household household) {
        return inTransaction(repositories -> detection.detect(repositories,
                List.of(detection.arrival(householdId, household))));
    }

    /** Stores and indexes a household as the projector does; returns its id. */
    private UUID store(Household household) {
        HouseholdRecord record = new HouseholdRecord(UUID.randomUUID(), TokenId.random(RANDOM), "KIOSK-01",
                LocalDate.of(2026, 11, 24), "KIOSK-01", "North gate", AT, HouseholdJson.write(household).toString(),
                UUID.randomUUID());
        HouseholdVault.Sealed sealed = vault.seal(record, household);
        inTransaction(repositories -> {
            repositories.households().insertNew(List.of(sealed.household()));
            repositories.households().index(Map.of(record.householdId(), sealed.terms()));
            return null;
        });
        return record.householdId();
    }

    private static Household person(String given, String family, Sex sex, LocalDate born) {
        return new Household(LocalDate.of(2026, 11, 23), new Origin("SYR", "Aleppo"), List.of("ar"), null,
                new Consent(true, true), List.of(new Member(given, family, null, null, sex, born, false, null, "SYR",
                Relationship.FOCAL_POINT, List.of())));
    }
}
