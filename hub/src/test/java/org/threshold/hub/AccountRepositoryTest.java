package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.hub.app.account.AccountRepository.Account;
import org.threshold.hub.app.account.LiveSessionRepository.LiveSession;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignInThrottleRepository.Failures;
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
    private static final Account AMAL = new Account("amal", "argon2id$hash", "ADMIN", "", Set.of(), false);
    private static final Account LEILA = new Account("leila", "argon2id$l", "CASEWORKER", "Health NGO",
            Set.of("health", "mhpss"), false);

    @Test
    void onlyTheFirstAccountIsCreatedThatWay() {
        var first = inTransaction(repositories -> repositories.accounts().createFirst(AMAL, NOW));
        var second = inTransaction(repositories -> repositories.accounts().createFirst(
                new Account("other", "argon2id$x", "ADMIN", "", Set.of(), false), NOW));
        var found = store.read(repositories -> repositories.accounts().find("amal"));
        var missing = store.read(repositories -> repositories.accounts().find("other"));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(found).contains(AMAL);
        assertThat(missing).isEmpty();
    }

    @Test
    void accountsKeepTheirServicesRoleAndState() {
        var created = inTransaction(repositories -> repositories.accounts().create(LEILA, NOW));
        var again = inTransaction(repositories -> repositories.accounts().create(LEILA, NOW));
        inTransaction(repositories -> repositories.accounts().create(AMAL, NOW));
        var listed = store.read(repositories -> repositories.accounts().list());
        inTransaction(repositories -> {
            repositories.accounts().setRole("leila", "SUPERVISOR", "Other NGO", Set.of("gbv"));
            repositories.accounts().setDisabled("leila", NOW);
            repositories.accounts().setPasswordHash("leila", "argon2id$new");
            return null;
        });
        var changed = store.read(repositories -> repositories.accounts().find("leila"));
        var noSuch = inTransaction(repositories -> repositories.accounts().setDisabled("nobody", NOW));

        assertThat(created).isTrue();
        assertThat(again).isFalse();
        assertThat(listed).containsExactly(AMAL, LEILA);
        assertThat(changed).contains(new Account("leila", "argon2id$new", "SUPERVISOR", "Other NGO", Set.of("gbv"),
                true));
        assertThat(noSuch).isFalse();
    }

    @Test
    void aSessionIsLiveUntilItExpiresIdlesOutIsRevokedOrItsAccountDisabled() {
        byte[] token = {1, 2, 3};
        byte[] other = {4, 5, 6};
        Duration idle = Duration.ofMinutes(30);
        inTransaction(repositories -> {
            repositories.accounts().createFirst(AMAL, NOW);
            repositories.sessions().create(token, "s1", "amal", NOW, NOW.plus(Duration.ofHours(12)));
            repositories.sessions().create(other, "s2", "amal", NOW, NOW.plusSeconds(1));
            return null;
        });
        Instant later = NOW.plus(Duration.ofMinutes(29));
        var live = store.read(repositories -> repositories.liveSessions().find(token, later, later.minus(idle)));
        var expired = store.read(repositories -> repositories.liveSessions().find(other, NOW.plusSeconds(1),
                NOW.plusSeconds(1).minus(idle)));
        Instant idledOut = NOW.plus(idle);
        var idle30 = store.read(repositories -> repositories.liveSessions().find(token, idledOut, idledOut.minus(idle)));
        inTransaction(repositories -> {
            repositories.sessions().touch(token, later);
            return null;
        });
        var touched = store.read(repositories -> repositories.liveSessions().find(token, idledOut, idledOut.minus(idle)));
        var listed = store.read(repositories -> repositories.sessions().liveOf("amal", later, later.minus(idle)));
        inTransaction(repositories -> {
            repositories.sessions().deleteExpired(NOW.plusSeconds(1), NOW.plusSeconds(1).minus(idle));
            return null;
        });
        var afterSweep = store.read(repositories -> repositories.sessions().count());
        inTransaction(repositories -> repositories.accounts().setDisabled("amal", NOW));
        var disabled = store.read(repositories -> repositories.liveSessions().find(token, later, later.minus(idle)));
        var revoked = inTransaction(repositories -> repositories.sessions().revoke("amal", "s1"));
        var revokedAgain = inTransaction(repositories -> repositories.sessions().revoke("amal", "s1"));

        assertThat(live).contains(new LiveSession("s1", NOW, "amal", Role.ADMIN, "", Set.of()));
        assertThat(expired).isEmpty();
        assertThat(idle30).isEmpty();
        assertThat(touched).isPresent();
        assertThat(listed).extracting(session -> session.sessionId()).containsExactly("s1");
        assertThat(afterSweep).isEqualTo(1);
        assertThat(disabled).isEmpty();
        assertThat(revoked).isTrue();
        assertThat(revokedAgain).isFalse();
    }

    @Test
    void aLiveSessionComesWithItsAccountsRoleOrganisationAndEveryService() {
        byte[] token = {7, 8, 9};
        inTransaction(repositories -> {
            repositories.accounts().create(LEILA, NOW);
            repositories.sessions().create(token, "s3", "leila", NOW, NOW.plus(Duration.ofHours(12)));
            return null;
        });

        var live = store.read(repositories -> repositories.liveSessions().find(token, NOW.plusSeconds(5),
                NOW.minus(Duration.ofMinutes(30))));

        assertThat(live).contains(new LiveSession("s3", NOW, "leila", Role.CASEWORKER, "Health NGO",
                Set.of("health", "mhpss")));
    }

    @Test
    void failuresCountUpAndStartAgainOnceForgotten() {
        Duration forget = Duration.ofHours(1);
        inTransaction(repositories -> {
            repositories.signInThrottles().countFailure("source:a", NOW, NOW.minus(forget));
            repositories.signInThrottles().countFailure("source:a", NOW.plusSeconds(60), NOW.plusSeconds(60).minus(forget));
            return null;
        });
        var two = store.read(repositories -> repositories.signInThrottles().failures("source:a"));
        Instant later = NOW.plusSeconds(60).plus(forget);
        inTransaction(repositories -> {
            repositories.signInThrottles().countFailure("source:a", later, later.minus(forget));
            return null;
        });
        var restarted = store.read(repositories -> repositories.signInThrottles().failures("source:a"));
        inTransaction(repositories -> {
            repositories.signInThrottles().forgive("source:a");
            repositories.signInThrottles().forgive("source:a");
            repositories.signInThrottles().clear("source:b");
            return null;
        });
        var forgiven = store.read(repositories -> repositories.signInThrottles().failures("source:a"));
        inTransaction(repositories -> {
            repositories.signInThrottles().clear("source:a");
            return null;
        });
        var cleared = store.read(repositories -> repositories.signInThrottles().failures("source:a"));

        assertThat(two).contains(new Failures(2, NOW.plusSeconds(60)));
        assertThat(restarted).contains(new Failures(1, later));
        assertThat(forgiven).contains(new Failures(0, later));
        assertThat(cleared).isEmpty();
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
