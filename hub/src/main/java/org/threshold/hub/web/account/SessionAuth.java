package org.threshold.hub.web.account;

import io.javalin.http.Context;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.SignedInUser;
import java.util.Optional;
import org.threshold.hub.app.Refusal;

/** Finds the signed-in user of a request: a Bearer token for the API, a cookie for the pages. */
public final class SessionAuth {
    /**
     * HttpOnly, SameSite=Strict, Secure under TLS, and no Max-Age or Expires: scripts cannot read it, other sites
     * cannot send it, and it is gone when the browser closes.
     */
    public static final String COOKIE = "threshold_session";
    private static final String BEARER = "Bearer ";

    private final Accounts accounts;

    public SessionAuth(Accounts accounts) {
        this.accounts = accounts;
    }

    /** @throws Refusal UNAUTHENTICATED {@code UNAUTHENTICATED} without a valid, unexpired session */
    public SignedInUser requireBearer(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        Optional<SignedInUser> user = accounts.authenticate(token);
        if (user.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "UNAUTHENTICATED", "Sign in first (POST /api/login) and "
                    + "send the session token as \"Authorization: Bearer <token>\". Sessions end after 30 minutes "
                    + "unused, or 12 hours after sign-in.");
        }
        return user.get();
    }

    public Optional<SignedInUser> fromCookie(Context ctx) {
        return accounts.authenticate(ctx.cookie(COOKIE));
    }
}
