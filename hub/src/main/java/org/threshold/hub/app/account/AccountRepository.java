package org.threshold.hub.app.account;

import java.time.Instant;
import java.util.Optional;

/** Hub accounts. Passwords are stored only as Argon2id hashes. */
public interface AccountRepository {

    /** An account: its role is the name of a {@link Role}. */
    record Account(String username, String passwordHash, String role) {
        @Override
        public String toString() {
            return "Account[" + username + ", " + role + ", password hash REDACTED]";
        }
    }

    /** Creates the account only if there is no account at all; says whether it did. */
    boolean createFirst(Account account, Instant now);

    Optional<Account> find(String username);
}
