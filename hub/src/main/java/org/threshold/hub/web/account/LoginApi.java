package org.threshold.hub.web.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.app.account.Accounts;
import java.util.Arrays;
import java.util.Map;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.web.http.RequestBodies;

/** {@code POST /api/login} {@code {"username","password"}} → {@code {"sessionToken"}}. */
public final class LoginApi {
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final String SHAPE = "{\"username\":\"...\",\"password\":\"...\"}";

    private final Accounts accounts;

    public LoginApi(Accounts accounts) {
        this.accounts = accounts;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/api/login", this::login, Access.PUBLIC);
    }

    private void login(Context ctx) {
        HubJson.requireJson(ctx, SHAPE);
        byte[] body = RequestBodies.read(ctx, MAX_BODY_BYTES, HubJson.tooLarge(SHAPE), "MALFORMED_JSON");
        JsonNode json = HubJson.parse(body, SHAPE);
        JsonNode username = json.get("username");
        JsonNode password = json.get("password");
        if (username == null || !username.isTextual() || password == null || !password.isTextual()) {
            throw HubJson.malformedRequest(SHAPE);
        }
        char[] secret = password.textValue().toCharArray();
        try {
            ctx.json(Map.of("sessionToken", accounts.login(username.textValue(), secret, ctx.ip())));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
