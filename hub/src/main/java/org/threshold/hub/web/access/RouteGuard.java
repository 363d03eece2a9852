package org.threshold.hub.web.access;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.web.account.SessionAuth;
import org.threshold.hub.web.http.ApiException;

/**
 * Runs before every matched route: reads the {@link Access} roles the route declared, finds the signed-in user (a
 * Bearer token on {@code /api/}, the session cookie on pages) and lets the {@link AccessPolicy} decide. A route that
 * declares nothing is refused: access is never granted by omission. Handlers get the user from {@link #user}.
 */
public final class RouteGuard {
    private static final String USER = "threshold.user";

    private RouteGuard() {
    }

    public static void install(RoutesConfig routes, SessionAuth auth, AccessPolicy policy) {
        routes.beforeMatched(ctx -> check(ctx, auth, policy));
    }

    /** The user the guard let in; only for routes that declare account roles. */
    public static SignedInUser user(Context ctx) {
        SignedInUser user = ctx.attribute(USER);
        if (user == null) {
            throw new IllegalStateException("The route declares no account role, so it has no signed-in user");
        }
        return user;
    }

    private static void check(Context ctx, SessionAuth auth, AccessPolicy policy) {
        Set<RouteRole> declared = ctx.routeRoles();
        if (declared.isEmpty()) {
            throw new ApiException(403, "FORBIDDEN", "This address declares no access rule, so nobody may use it.");
        }
        if (declared.contains(Access.PUBLIC) || declared.contains(Access.KIOSK)) {
            return;
        }
        SignedInUser user;
        if (ctx.path().startsWith("/api/")) {
            user = auth.requireBearer(ctx);
        } else {
            Optional<SignedInUser> fromCookie = auth.fromCookie(ctx);
            if (fromCookie.isEmpty()) {
                ctx.redirect("/", HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            user = fromCookie.get();
        }
        policy.requireRole(user, Access.rolesOf(declared));
        ctx.attribute(USER, user);
    }
}
