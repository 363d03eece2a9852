package org.threshold.hub.web.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.threshold.hub.app.account.AccountInfo;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SessionRepository.Session;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.web.http.RequestBodies;

/**
 * The signed-in user's own account and sessions ({@code /api/me}), and the administrators' account management
 * ({@code /api/accounts}). The roles each route declares are in {@link #addRoutes}; docs/api.md lists them.
 */
public final class AccountsApi {
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final String ACCOUNT_SHAPE = "{\"username\",\"password\",\"role\",\"organisation\",\"services\":[...]}";
    private static final String ROLE_SHAPE = "{\"role\",\"organisation\",\"services\":[...]}";
    private static final String PASSWORD_SHAPE = "{\"password\"}";

    private final Accounts accounts;

    public AccountsApi(Accounts accounts) {
        this.accounts = accounts;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/me", this::me, Access.SIGNED_IN);
        routes.get("/api/me/sessions", ctx -> sessions(ctx, RouteGuard.user(ctx).username()), Access.SIGNED_IN);
        routes.delete("/api/me/sessions/{sessionId}", this::revokeOwn, Access.SIGNED_IN);
        routes.get("/api/accounts", this::list, Access.ADMIN);
        routes.post("/api/accounts", this::add, Access.ADMIN);
        routes.put("/api/accounts/{username}/role", this::setRole, Access.ADMIN);
        routes.put("/api/accounts/{username}/password", this::resetPassword, Access.ADMIN);
        routes.post("/api/accounts/{username}/disable", ctx -> {
            accounts.disable(ctx.pathParam("username"));
            ctx.status(204);
        }, Access.ADMIN);
        routes.post("/api/accounts/{username}/enable", ctx -> {
            accounts.enable(ctx.pathParam("username"));
            ctx.status(204);
        }, Access.ADMIN);
        routes.get("/api/accounts/{username}/sessions", ctx -> sessions(ctx, ctx.pathParam("username")), Access.ADMIN);
        routes.delete("/api/accounts/{username}/sessions", ctx -> ctx.json(HubJson.MAPPER.createObjectNode()
                .put("revoked", accounts.revokeAll(ctx.pathParam("username")))), Access.ADMIN);
        routes.delete("/api/accounts/{username}/sessions/{sessionId}", ctx -> {
            accounts.revoke(ctx.pathParam("username"), ctx.pathParam("sessionId"));
            ctx.status(204);
        }, Access.ADMIN);
    }

    private void me(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        body.put("username", user.username());
        body.put("role", user.role().name());
        body.put("organisation", user.organisation());
        ArrayNode services = body.putArray("services");
        new TreeSet<>(user.services()).forEach(services::add);
        body.put("sessionId", user.sessionId());
        ctx.json(body);
    }

    private void revokeOwn(Context ctx) {
        accounts.revoke(RouteGuard.user(ctx).username(), ctx.pathParam("sessionId"));
        ctx.status(204);
    }

    private void sessions(Context ctx, String username) {
        ArrayNode list = HubJson.MAPPER.createArrayNode();
        for (Session session : accounts.sessions(username)) {
            list.addObject().put("sessionId", session.sessionId()).put("createdAt", session.createdAt().toString())
                    .put("lastSeen", session.lastSeen().toString()).put("expiresAt", session.expiresAt().toString());
        }
        ctx.json(HubJson.MAPPER.createObjectNode().set("sessions", list));
    }

    private void list(Context ctx) {
        ArrayNode list = HubJson.MAPPER.createArrayNode();
        accounts.list().forEach(account -> list.add(json(account)));
        ctx.json(HubJson.MAPPER.createObjectNode().set("accounts", list));
    }

    private void add(Context ctx) {
        JsonNode json = body(ctx, ACCOUNT_SHAPE);
        char[] password = text(json, "password", ACCOUNT_SHAPE).toCharArray();
        try {
            AccountInfo added = accounts.add(text(json, "username", ACCOUNT_SHAPE), password, grant(json, ACCOUNT_SHAPE));
            ctx.status(201).json(json(added));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void setRole(Context ctx) {
        JsonNode json = body(ctx, ROLE_SHAPE);
        String username = ctx.pathParam("username");
        accounts.setRole(username, grant(json, ROLE_SHAPE));
        ctx.json(json(accounts.find(username).orElseThrow()));
    }

    private void resetPassword(Context ctx) {
        JsonNode json = body(ctx, PASSWORD_SHAPE);
        char[] password = text(json, "password", PASSWORD_SHAPE).toCharArray();
        try {
            accounts.resetPassword(ctx.pathParam("username"), password);
            ctx.status(204);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The API's one JSON form of an account; no password hash. */
    static ObjectNode json(AccountInfo account) {
        ObjectNode json = HubJson.MAPPER.createObjectNode();
        json.put("username", account.username());
        json.put("role", account.role().name());
        json.put("organisation", account.organisation());
        ArrayNode services = json.putArray("services");
        new TreeSet<>(account.services()).forEach(services::add);
        json.put("disabled", account.disabled());
        return json;
    }

    private static Accounts.Grant grant(JsonNode json, String shape) {
        Role role;
        try {
            role = Role.valueOf(text(json, "role", shape).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            role = null;
        }
        JsonNode organisation = json.get("organisation");
        if (organisation != null && !organisation.isTextual()) {
            throw malformed(shape);
        }
        JsonNode services = json.get("services");
        Set<String> ids = new LinkedHashSet<>();
        if (services != null) {
            if (!services.isArray()) {
                throw malformed(shape);
            }
            for (JsonNode service : services) {
                if (!service.isTextual()) {
                    throw malformed(shape);
                }
                ids.add(service.textValue());
            }
        }
        return new Accounts.Grant(role, organisation == null ? "" : organisation.textValue(), ids);
    }

    private static JsonNode body(Context ctx, String shape) {
        byte[] body = RequestBodies.read(ctx, MAX_BODY_BYTES, HubJson.tooLarge(shape), "MALFORMED_JSON");
        JsonNode json = HubJson.parse(body, shape);
        if (!json.isObject()) {
            throw malformed(shape);
        }
        return json;
    }

    private static String text(JsonNode json, String field, String shape) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed(shape);
        }
        return value.textValue();
    }

    private static ApiException malformed(String shape) {
        return HubJson.malformedRequest(shape);
    }
}
