package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.household.RevokedToken;

/** The revoked tokens' contract, on SQLite and on PostgreSQL. */
class RevokedTokenRepositoryTest {
    @Nested
    class OnSqlite extends RevokedTokenRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends RevokedTokenRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class RevokedTokenRepositoryContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00.123Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aRevokedTokenIsFoundExactlyAsRecordedAndOthersAreNot() {
        RevokedToken revoked = new RevokedToken(TokenId.random(RANDOM), UUID.randomUUID(), UUID.randomUUID(), AT);
        inTransaction(repositories -> {
            repositories.revokedTokens().revoke(revoked);
            return null;
        });

        var found = store.read(repositories -> repositories.revokedTokens().find(revoked.tokenId()));
        var other = store.read(repositories -> repositories.revokedTokens().find(TokenId.random(RANDOM)));
        assertThat(found).contains(revoked);
        assertThat(other).isEmpty();
    }

    @Test
    void revokingAgainKeepsTheFirstRecord() {
        RevokedToken first = new RevokedToken(TokenId.random(RANDOM), UUID.randomUUID(), UUID.randomUUID(), AT);
        RevokedToken again = new RevokedToken(first.tokenId(), UUID.randomUUID(), UUID.randomUUID(),
                AT.plusSeconds(5));

        inTransaction(repositories -> {
            repositories.revokedTokens().revoke(first);
            repositories.revokedTokens().revoke(again);
            return null;
        });

        var found = store.read(repositories -> repositories.revokedTokens().find(first.tokenId()));
        assertThat(found).contains(first);
    }
}
