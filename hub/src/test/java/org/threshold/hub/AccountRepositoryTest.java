package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.hub.app.account.AccountRepository.Account;
import org.threshold.hub.app.account.LoginThrottleRepository.Failures;
import org.threshold.hub.app.audit.AccessRecord;

/** Accounts, sessions, login throttles and the access log, on SQLite and on PostgreSQL. */
class AccountRepositoryTest {
    @Nested
    class OnSqlite extends AccountRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends AccountRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class AccountRepositoryContract extends StoreContract {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Account AMAL = new Account("amal", "argon2id$hash", "ADMIN");

    @Test
    void onlyTheFirstAccountIsCreatedThatWay() {
        var first = inTransaction(repositories -> repositories.accounts().createFirst(AMAL, NOW));
        var second = inTransaction(repositories -> repositories.accounts().createFirst(
                new Account("other", "argon2id$x", "ADMIN"), NOW));
        var found = store.read(repositories -> repositories.accounts().find("amal"));
        var missing = store.read(repositories -> repositories.accounts().find("other"));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(found).contains(AMAL);
        assertThat(missing).isEmpty();
    }

    @Test
    void aSessionLeadsToItsAccountUntilItExpiresOrEnds() {
        byte[] token = {1, 2, 3};
        byte[] other = {4, 5, 6};
        inTransaction(repositories -> {
            repositories.accounts().createFirst(AMAL, NOW);
            repositories.sessions().create(token, "amal", NOW.plus(Duration.ofHours(12)));
            repositories.sessions().create(other, "amal", NOW.plusSeconds(1));
            return null;
        });
        var valid = store.read(repositories -> repositories.sessions().account(token, NOW));
        var expired = store.read(repositories -> repositories.sessions().account(other, NOW.plusSeconds(1)));
        inTransaction(repositories -> {
            repositories.sessions().deleteExpired(NOW.plusSeconds(1));
            return null;
        });
        var afterSweep = store.read(repositories -> repositories.sessions().count());
        inTransaction(repositories -> {
            repositories.sessions().delete(token);
            return null;
        });
        var ended = store.read(repositories -> repositories.sessions().account(token, NOW));

        assertThat(valid).contains(AMAL);
        assertThat(expired).isEmpty();
        assertThat(afterSweep).isEqualTo(1);
        assertThat(ended).isEmpty();
    }

    @Test
    void failuresCountUpInAWindowThatStartsAgainOnceItIsOver() {
        Duration window = Duration.ofMinutes(15);
        Failures first = inTransaction(repositories -> repositories.loginThrottles().countFailure("amal", NOW,
                NOW.minus(window)));
        Failures second = inTransaction(repositories -> repositories.loginThrottles().countFailure("amal",
                NOW.plusSeconds(60), NOW.plusSeconds(60).minus(window)));
        Instant later = NOW.plus(window);
        Failures afterWindow = inTransaction(repositories -> repositories.loginThrottles().countFailure("amal", later,
                later.minus(window)));
        inTransaction(repositories -> {
            repositories.loginThrottles().clear("amal");
            return null;
        });
        Failures afterClear = inTransaction(repositories -> repositories.loginThrottles().countFailure("amal", later,
                later.minus(window)));

        assertThat(first).isEqualTo(new Failures(1, NOW));
        assertThat(second).isEqualTo(new Failures(2, NOW));
        assertThat(afterWindow).isEqualTo(new Failures(1, later));
        assertThat(afterClear).isEqualTo(new Failures(1, later));
    }

    @Test
    void theAccessLogOnlyGrowsAndKeepsFailedReadsWithoutAHousehold() {
        UUID shown = UUID.randomUUID();
        AccessRecord found = new AccessRecord(NOW, "amal", "token-lookup", "FOUND", shown);
        AccessRecord forged = new AccessRecord(NOW.plusMillis(1), "amal", "token-lookup", "FORGED", null);
        AccessRecord later = new AccessRecord(NOW.plusMillis(2), "omar", "token-lookup", "NOT_FOUND", null);
        inTransaction(repositories -> {
            repositories.accessLog().recordAll(List.of(found, forged));
            repositories.accessLog().recordAll(List.of());
            return null;
        });
        inTransaction(repositories -> {
            repositories.accessLog().recordAll(List.of(later));
            return null;
        });

        var count = store.read(repositories -> repositories.accessLog().count());
        var latest = store.read(repositories -> repositories.accessLog().latest(10));
        assertThat(count).isEqualTo(3);
        assertThat(latest).containsExactly(later, forged, found);
        List<AccessRecord> last = store.read(repositories -> repositories.accessLog().latest(1));
        assertThat(last).containsExactly(later);
    }
}
