package org.threshold.hub.app.account;

import java.time.Instant;
import java.util.Optional;

/** Sign-in sessions, stored only as the SHA-256 of their token, so every hub instance knows every session. */
public interface SessionRepository {

    void create(byte[] tokenHash, String username, Instant expiresAt);

    /** The account of the session, if it has not expired. */
    Optional<AccountRepository.Account> account(byte[] tokenHash, Instant now);

    void delete(byte[] tokenHash);

    void deleteExpired(Instant now);

    long count();
}
