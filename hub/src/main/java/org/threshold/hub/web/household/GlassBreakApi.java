package org.threshold.hub.web.household;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.GlassBreaks;
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.web.http.RequestBodies;

/**
 * {@code POST /api/glass-breaks {"token","reason"}} (PROTECTION_OFFICER): breaks the glass on the household the token
 * names and answers with it as the grant opens it, marked {@code "glassBreak":{"until","reason"}}. A read like a
 * token lookup, so within the account's {@link ReadLimit}.
 */
public final class GlassBreakApi {
    private static final int MAX_BODY_BYTES = 8 * 1024;
    private static final String SHAPE = "{\"token\",\"reason\"}";

    private final GlassBreaks glassBreaks;
    private final ReadLimit reads;

    public GlassBreakApi(GlassBreaks glassBreaks, ReadLimit reads) {
        this.glassBreaks = glassBreaks;
        this.reads = reads;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/api/glass-breaks", this::open, Access.PROTECTION_OFFICER);
    }

    private void open(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        byte[] body = RequestBodies.read(ctx, MAX_BODY_BYTES, HubJson.tooLarge(SHAPE), "MALFORMED_JSON");
        JsonNode json = HubJson.parse(ctx, body, SHAPE);
        JsonNode token = json.get("token");
        JsonNode reason = json.get("reason");
        if (!json.isObject() || token == null || !token.isTextual() || (reason != null && !reason.isTextual())) {
            throw HubJson.malformedRequest(SHAPE);
        }
        reads.admit(user.username());
        ctx.status(201).json(HouseholdViewJson.of(glassBreaks.open(user, token.textValue(),
                reason == null ? null : reason.textValue())));
    }
}
