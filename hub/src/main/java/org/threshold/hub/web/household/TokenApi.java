package org.threshold.hub.web.household;

import org.threshold.hub.app.household.TokenLookup;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.app.household.HouseholdRecord;

/** {@code GET /api/tokens/{codeOrQr}} (Bearer): the household a token card belongs to. */
public final class TokenApi {
    private final TokenLookup lookup;

    public TokenApi(TokenLookup lookup) {
        this.lookup = lookup;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/tokens/{codeOrQr}", this::lookUp, Access.HOUSEHOLD_READERS);
    }

    private void lookUp(Context ctx) throws JsonProcessingException {
        SignedInUser user = RouteGuard.user(ctx);
        HouseholdRecord household = lookup.find(ctx.pathParam("codeOrQr"), user.username());
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        body.put("householdId", household.householdId().toString());
        body.put("site", household.site());
        body.put("registeredAt", household.registeredAt().toString());
        ObjectNode token = body.putObject("token");
        token.put("code", household.tokenId().shortCode());
        token.put("kioskId", household.tokenKioskId());
        token.put("issuedOn", household.tokenIssuedOn().toString());
        body.set("household", HubJson.MAPPER.readTree(household.householdJson()));
        ctx.json(body);
    }
}
