package org.threshold.hub.web.access;

import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.threshold.hub.app.account.Role;

/**
 * What each route declares it may be used by (Javalin's {@link RouteRole}): nobody in particular ({@link #PUBLIC}),
 * a kiosk that proves itself by signatures in the request ({@link #KIOSK}), or accounts of the named roles, which
 * {@link RouteGuard} checks with the {@link org.threshold.hub.app.access.AccessPolicy} before the handler runs.
 */
public enum Access implements RouteRole {
    /** Anyone: the sign-in form and API, the status check. */
    PUBLIC(null),
    /** A kiosk: the handler checks the kiosk's signatures or one-time code. */
    KIOSK(null),
    ADMIN(Role.ADMIN),
    SUPERVISOR(Role.SUPERVISOR),
    CASEWORKER(Role.CASEWORKER),
    PROTECTION_OFFICER(Role.PROTECTION_OFFICER),
    DPO(Role.DPO);

    /** Every signed-in role: what a user does with their own account and sessions. */
    public static final Access[] SIGNED_IN = {ADMIN, SUPERVISOR, CASEWORKER, PROTECTION_OFFICER, DPO};
    /** Those who may look a household up by its token; the policy then decides what of it they see. */
    public static final Access[] HOUSEHOLD_READERS = {SUPERVISOR, CASEWORKER, PROTECTION_OFFICER};

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    /** The account roles among {@code declared}. */
    static Set<Role> rolesOf(Set<? extends RouteRole> declared) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        declared.forEach(declaredRole -> {
            if (declaredRole instanceof Access access) {
                access.role().ifPresent(roles::add);
            }
        });
        return roles;
    }
}
