package org.threshold.hub.store;

import java.time.Instant;
import java.util.Optional;

/** Hub accounts and their sessions. Passwords are stored only as Argon2id hashes, session tokens only as SHA-256. */
public interface AccountStore {

    /** An account: its role is the name of an {@code account.Role}. */
    record Account(String username, String passwordHash, String role) {
        @Override
        public String toString() {
            return "Account[" + username + ", " + role + ", password hash REDACTED]";
        }
    }

    /** Creates the account only if there is no account at all; says whether it did. */
    boolean createFirstAccount(Account account, Instant now);

    Optional<Account> account(String username);

    void createSession(byte[] tokenHash, String username, Instant expiresAt);

    /** The account of the session, if it has not expired. */
    Optional<Account> sessionAccount(byte[] tokenHash, Instant now);

    void deleteSession(byte[] tokenHash);

    void deleteExpiredSessions(Instant now);
}
