package org.threshold.hub.web.household;

import org.threshold.hub.app.household.TokenLookup;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.web.account.SessionAuth;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.ReadLimit;

/**
 * {@code GET /api/tokens/{codeOrQr}} (Bearer): the household a token card belongs to, within the account's
 * {@link ReadLimit}.
 */
public final class TokenApi {
    private final TokenLookup lookup;
    private final SessionAuth auth;
    private final ReadLimit reads;

    public TokenApi(TokenLookup lookup, SessionAuth auth, ReadLimit reads) {
        this.lookup = lookup;
        this.auth = auth;
        this.reads = reads;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/tokens/{codeOrQr}", this::lookUp);
    }

    private void lookUp(Context ctx) throws JsonProcessingException {
        SignedInUser user = auth.requireBearer(ctx);
        reads.admit(user.username());
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
