package org.threshold.hub.app.account;

import java.util.Set;

/** An account as administrators see it: everything but the password hash. */
public record AccountInfo(String username, Role role, String organisation, Set<String> services, boolean disabled) {
    public AccountInfo {
        services = Set.copyOf(services);
    }

    static AccountInfo of(AccountRepository.Account account) {
        return new AccountInfo(account.username(), Role.valueOf(account.role()), account.organisation(),
                account.services(), account.disabled());
    }
}
