package org.threshold.hub.web.household;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.app.household.TokenLookup;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.HubJson;

/**
 * {@code GET /api/tokens/{codeOrQr}} (Bearer): the household a token card belongs to, as much of it as the access
 * policy lets the caller see, within the account's {@link ReadLimit}.
 */
public final class TokenApi {
    private final TokenLookup lookup;
    private final ReadLimit reads;

    public TokenApi(TokenLookup lookup, ReadLimit reads) {
        this.lookup = lookup;
        this.reads = reads;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/tokens/{codeOrQr}", this::lookUp, Access.HOUSEHOLD_READERS);
    }

    private void lookUp(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        reads.admit(user.username());
        HubJson.answer(ctx, HouseholdViewJson.of(lookup.find(ctx.pathParam("codeOrQr"), user)));
    }
}
