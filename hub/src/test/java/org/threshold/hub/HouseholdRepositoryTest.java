package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.household.ProjectionFailure;
import org.threshold.hub.deployment.HubDataKey;

/** The households read model's and the projection's contract, on SQLite and on PostgreSQL. */
class HouseholdRepositoryTest {
    @Nested
    class OnSqlite extends HouseholdRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends HouseholdRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class HouseholdRepositoryContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00.123456789Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HubDataKey KEY = HubDataKey.generate(RANDOM);
    private static final HouseholdVault VAULT = new HouseholdVault(KEY, RANDOM);

    @Test
    void aHouseholdIsFoundByItsTokenExactlyAsStoredAndTheStoreHoldsItSealed() {
        HouseholdRecord household = household(UUID.randomUUID(), TokenId.random(RANDOM), UUID.randomUUID());
        var refused = inTransaction(repositories -> repositories.households().insertNew(List.of(seal(household))));

        var found = store.read(repositories -> repositories.households().findByToken(household.tokenId()));
        var other = store.read(repositories -> repositories.households().findByToken(TokenId.random(RANDOM)));
        assertThat(refused).isEmpty();
        assertThat(found.map(VAULT::open)).contains(household);
        assertThat(found.get().keyId()).isEqualTo(KEY.keyId());
        assertThat(new String(found.get().sealedJson(), StandardCharsets.ISO_8859_1)).doesNotContain("givenName");
        assertThat(other).isEmpty();
    }

    @Test
    void projectingTheSameEventAgainChangesNothingAndAClashIsRefusedWithoutUndoingTheRest() {
        HouseholdRecord first = household(UUID.randomUUID(), TokenId.random(RANDOM), UUID.randomUUID());
        inTransaction(repositories -> repositories.households().insertNew(List.of(seal(first))));
        HouseholdRecord sameId = household(first.householdId(), TokenId.random(RANDOM), UUID.randomUUID());
        HouseholdRecord sameToken = household(UUID.randomUUID(), first.tokenId(), UUID.randomUUID());
        SealedHousehold fresh = seal(household(UUID.randomUUID(), TokenId.random(RANDOM), UUID.randomUUID()));

        var refused = inTransaction(repositories -> repositories.households().insertNew(List.of(seal(first),
                seal(sameId), seal(sameToken), fresh, fresh)));

        assertThat(refused).extracting(ProjectionFailure::eventId).containsExactly(sameId.eventId(),
                sameToken.eventId());
        assertThat(refused).extracting(ProjectionFailure::reason).containsExactly(
                "household id already projected under another token", "token already projected for another household");
        var count = store.read(repositories -> repositories.households().count());
        assertThat(count).isEqualTo(2);
    }

    @Test
    void aHouseholdIsFoundByItsIdAndReplacingItChangesItsTokenAndDataButNotWhatRegisteredIt() {
        HouseholdRecord household = household(UUID.randomUUID(), TokenId.random(RANDOM), UUID.randomUUID());
        inTransaction(repositories -> repositories.households().insertNew(List.of(seal(household))));
        TokenId newToken = TokenId.random(RANDOM);
        HouseholdRecord changed = new HouseholdRecord(household.householdId(), newToken, "KIOSK-01",
                LocalDate.of(2026, 11, 25), "KIOSK-99", "South gate", AT.plusSeconds(60),
                "{\"members\":[{\"givenName\":\"Amal\"}]}", UUID.randomUUID());

        var replaced = inTransaction(repositories -> repositories.households().replace(seal(changed)));
        var missing = inTransaction(repositories -> repositories.households().replace(seal(household(
                UUID.randomUUID(), TokenId.random(RANDOM), UUID.randomUUID()))));

        var byId = store.read(repositories -> repositories.households().findById(household.householdId()));
        var byOldToken = store.read(repositories -> repositories.households().findByToken(household.tokenId()));
        var byNewToken = store.read(repositories -> repositories.households().findByToken(newToken));
        assertThat(replaced).isTrue();
        assertThat(missing).isFalse();
        HouseholdRecord expected = new HouseholdRecord(household.householdId(), newToken, "KIOSK-01",
                LocalDate.of(2026, 11, 25), household.kioskId(), household.site(), household.registeredAt(),
                changed.householdJson(), household.eventId());
        assertThat(byId.map(VAULT::open)).contains(expected);
        assertThat(byNewToken.map(VAULT::open)).contains(expected);
        assertThat(byOldToken).isEmpty();
        var unknown = store.read(repositories -> repositories.households().findById(UUID.randomUUID()));
        var count = store.read(repositories -> repositories.households().count());
        assertThat(unknown).isEmpty();
        assertThat(count).isEqualTo(1);
    }

    @Test
    void householdsAreFoundByTermsOnlyWhenEveryGroupMatchesAndIndexingAgainReplacesTheirTerms() {
        UUID amal = UUID.randomUUID();
        UUID sami = UUID.randomUUID();
        byte[] a = term(1);
        byte[] b = term(2);
        byte[] c = term(3);
        inTransaction(repositories -> {
            repositories.households().index(Map.of(amal, List.of(a, b), sami, List.of(b)));
            return null;
        });

        var both = store.read(repositories -> repositories.households().findByTerms(List.of(List.of(b)), 10));
        var onlyAmal = store.read(repositories -> repositories.households().findByTerms(List.of(List.of(b),
                List.of(c, a)), 10));
        var limited = store.read(repositories -> repositories.households().findByTerms(List.of(List.of(b)), 1));
        var none = store.read(repositories -> repositories.households().findByTerms(List.of(List.of(c)), 10));
        inTransaction(repositories -> {
            repositories.households().index(Map.of(amal, List.of(c)));
            return null;
        });
        var reindexed = store.read(repositories -> repositories.households().findByTerms(List.of(List.of(b)), 10));

        assertThat(both).containsExactlyInAnyOrder(amal, sami);
        assertThat(onlyAmal).containsExactly(amal);
        assertThat(limited).hasSize(1);
        assertThat(none).isEmpty();
        assertThat(reindexed).containsExactly(sami);
    }

    @Test
    void anErasedHouseholdKeepsItsRowWithoutKeyDataOrTermsAndCannotBeReplaced() {
        HouseholdRecord household = household(UUID.randomUUID(), TokenId.random(RANDOM), UUID.randomUUID());
        byte[] term = term(7);
        inTransaction(repositories -> {
            repositories.households().insertNew(List.of(seal(household)));
            repositories.households().index(Map.of(household.householdId(), List.of(term)));
            return null;
        });

        var erased = inTransaction(repositories -> repositories.households().erase(household.householdId(), AT));
        var again = inTransaction(repositories -> repositories.households().erase(household.householdId(), AT));
        var replaced = inTransaction(repositories -> repositories.households().replace(seal(household)));

        var found = store.read(repositories -> repositories.households().findByToken(household.tokenId())).orElseThrow();
        var byTerm = store.read(repositories -> repositories.households().findByTerms(List.of(List.of(term)), 10));
        assertThat(erased).isTrue();
        assertThat(again).isFalse();
        assertThat(replaced).isFalse();
        assertThat(found.erasedAt()).isEqualTo(AT.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(found.wrappedKey()).isNull();
        assertThat(found.sealedJson()).isNull();
        assertThat(byTerm).isEmpty();
    }

    @Test
    void aStoreKnowsWhetherAnyHouseholdIsSealedUnderAnotherKey() {
        inTransaction(repositories -> repositories.households().insertNew(List.of(seal(household(UUID.randomUUID(),
                TokenId.random(RANDOM), UUID.randomUUID())))));

        var ours = store.read(repositories -> repositories.households().sealedUnderOtherKey(KEY.keyId()));
        var another = store.read(repositories -> repositories.households().sealedUnderOtherKey("0000000000000000"));
        var noneLeftInClear = store.read(repositories -> repositories.households().unsealed(10));

        assertThat(ours).isFalse();
        assertThat(another).isTrue();
        assertThat(noneLeftInClear).isEmpty();
    }

    @Test
    void failuresAreKeptOncePerEvent() {
        UUID event = UUID.randomUUID();
        inTransaction(repositories -> {
            repositories.households().recordFailures(List.of(new ProjectionFailure(event, "first")), AT);
            repositories.households().recordFailures(List.of(new ProjectionFailure(event, "second")), AT);
            return null;
        });
        var failures = store.read(repositories -> repositories.households().failureCount());
        assertThat(failures).isEqualTo(1);
    }

    @Test
    void theCursorMovesOnlyFromWhereItIs() {
        var start = store.read(repositories -> repositories.projections().cursor("households"));
        var first = inTransaction(repositories -> repositories.projections().advance("households", 0, 10));
        var stale = inTransaction(repositories -> repositories.projections().advance("households", 0, 20));
        var next = inTransaction(repositories -> repositories.projections().advance("households", 10, 30));
        var other = store.read(repositories -> repositories.projections().cursor("referrals"));
        var now = store.read(repositories -> repositories.projections().cursor("households"));

        assertThat(start).isZero();
        assertThat(first).isTrue();
        assertThat(stale).isFalse();
        assertThat(next).isTrue();
        assertThat(now).isEqualTo(30);
        assertThat(other).isZero();
    }

    @Test
    void onlyOneTransactionAtATimeHasTheProjectorsTurn() throws Exception {
        // SQLite has one writer at a time: a second transaction would wait for the first, not be told no.
        Assumptions.assumeTrue(engine() == Engine.POSTGRESQL);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> inTransaction(repositories -> {
            boolean taken = repositories.projections().tryTakeTurn();
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return taken;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        var second = inTransaction(repositories -> repositories.projections().tryTakeTurn());
        release.countDown();
        // The turn is free once the first transaction has ended.
        var firstTook = first.get(10, TimeUnit.SECONDS);
        var afterwards = inTransaction(repositories -> repositories.projections().tryTakeTurn());

        assertThat(firstTook).isTrue();
        assertThat(second).isFalse();
        assertThat(afterwards).isTrue();
    }

    private static SealedHousehold seal(HouseholdRecord household) {
        return VAULT.seal(household, null).household();
    }

    private static byte[] term(int seed) {
        byte[] term = new byte[16];
        term[0] = (byte) seed;
        return term;
    }

    private static HouseholdRecord household(UUID householdId, TokenId token, UUID eventId) {
        return new HouseholdRecord(householdId, token, "KIOSK-01", LocalDate.of(2026, 11, 24), "KIOSK-01",
                "North gate", AT, "{\"members\":[{\"givenName\":\"\u0622\u0645\u0627\u0644\"}]}", eventId);
    }
}
