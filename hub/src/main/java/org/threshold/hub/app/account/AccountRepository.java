package org.threshold.hub.app.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Hub accounts. Passwords are stored only as Argon2id hashes. */
public interface AccountRepository {

    /** An account: its role is the name of a {@link Role}, its services core's service ids. */
    record Account(String username, String passwordHash, String role, String organisation, Set<String> services,
                   boolean disabled) {
        public Account {
            services = Set.copyOf(services);
        }

        @Override
        public String toString() {
            return "Account[" + username + ", " + role + ", " + organisation + ", " + services
                    + (disabled ? ", disabled" : "") + ", password hash REDACTED]";
        }
    }

    /** Creates the account only if there is no account at all; says whether it did. */
    boolean createFirst(Account account, Instant now);

    /** Creates the account unless one of that username exists; says whether it did. */
    boolean create(Account account, Instant now);

    Optional<Account> find(String username);

    /** Every account, by username. */
    List<Account> list();

    /** Disables ({@code at} given) or enables ({@code at} null) the account; says whether it exists. */
    boolean setDisabled(String username, Instant at);

    /** Sets the role, organisation and services; says whether the account exists. */
    boolean setRole(String username, String role, String organisation, Set<String> services);

    /** Says whether the account exists. */
    boolean setPasswordHash(String username, String passwordHash);
}
