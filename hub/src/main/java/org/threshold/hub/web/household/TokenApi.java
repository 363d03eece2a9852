package org.threshold.hub.web.household;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.TokenLookup;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;

/**
 * {@code GET /api/tokens/{codeOrQr}} (Bearer): the household a token card belongs to, as much of it as the access
 * policy lets the caller see.
 */
public final class TokenApi {
    private final TokenLookup lookup;

    public TokenApi(TokenLookup lookup) {
        this.lookup = lookup;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/tokens/{codeOrQr}", this::lookUp, Access.HOUSEHOLD_READERS);
    }

    private void lookUp(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        ctx.json(HouseholdViewJson.of(lookup.find(ctx.pathParam("codeOrQr"), user)));
    }
}
