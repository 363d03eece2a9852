package org.threshold.hub.app.access;

import java.util.Set;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.SignedInUser;

/**
 * The hub's one authorization policy: which roles may use a route (each route declares them), and, for household
 * data, what of it a signed-in user may see (role, service scope, sensitivity). The JSON API and the pages both ask
 * it; nothing else decides. Stateless and thread-safe.
 */
public final class AccessPolicy {

    /**
     * @param allowed the roles the route declares
     * @throws Refusal FORBIDDEN {@code FORBIDDEN} if the user's role is not among them
     */
    public void requireRole(SignedInUser user, Set<org.threshold.hub.app.account.Role> allowed) {
        if (!allowed.contains(user.role())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "FORBIDDEN", "Your role (" + user.role() + ") may not do this. "
                    + "Ask a hub administrator if your work needs it.");
        }
    }
}
