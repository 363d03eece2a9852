package org.threshold.hub.app.account;

import java.util.Set;

/** The account behind a valid session, and that session's public id. */
public record SignedInUser(String username, Role role, String organisation, Set<String> services, String sessionId) {
    public SignedInUser {
        services = Set.copyOf(services);
    }
}
