package org.threshold.hub.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threshold.core.referral.ServiceDirectory;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;

/**
 * The administrators' account pages ({@code /admin/accounts}, ADMIN only): the same operations as
 * {@code provision accounts} and {@code /api/accounts}, through the same service. Each change answers with a redirect
 * back to the list (post, redirect, get), saying what was done; a refusal is shown on the page in the user's language.
 */
public final class AdminPages {
    private static final String LIST = "/admin/accounts";

    private final Accounts accounts;
    private final ServiceDirectory services;
    private final PageFrames frames;

    public AdminPages(Accounts accounts, ServiceDirectory services, PageFrames frames) {
        this.accounts = accounts;
        this.services = services;
        this.frames = frames;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get(LIST, ctx -> show(ctx, Optional.ofNullable(ctx.queryParam("done"))
                .map(username -> PageFrames.ui(ctx).format("admin.changed", Map.of("username", username))).orElse(null), false),
                Access.ADMIN);
        routes.post(LIST, ctx -> change(ctx, ctx.formParam("username"), () -> {
            char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
            try {
                accounts.add(field(ctx, "username"), password, grant(ctx));
            } finally {
                Arrays.fill(password, '\0');
            }
        }), Access.ADMIN);
        routes.post(LIST + "/role", ctx -> change(ctx, ctx.formParam("username"),
                () -> accounts.setRole(field(ctx, "username"), grant(ctx))), Access.ADMIN);
        routes.post(LIST + "/{username}/disable", ctx -> change(ctx, ctx.pathParam("username"),
                () -> accounts.disable(ctx.pathParam("username"))), Access.ADMIN);
        routes.post(LIST + "/{username}/enable", ctx -> change(ctx, ctx.pathParam("username"),
                () -> accounts.enable(ctx.pathParam("username"))), Access.ADMIN);
        routes.post(LIST + "/{username}/sessions/revoke", ctx -> change(ctx, ctx.pathParam("username"),
                () -> accounts.revokeAll(ctx.pathParam("username"))), Access.ADMIN);
        routes.post(LIST + "/{username}/password", ctx -> change(ctx, ctx.pathParam("username"), () -> {
            char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
            try {
                accounts.resetPassword(ctx.pathParam("username"), password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }), Access.ADMIN);
    }

    private void change(Context ctx, String username, Runnable action) {
        try {
            action.run();
            ctx.redirect(LIST + "?done=" + URLEncoder.encode(username == null ? "" : username, StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            ApiException answer = ApiException.of(refusal, RequestLanguage.of(ctx));
            ctx.status(answer.status());
            show(ctx, answer.getMessage(), true);
        }
    }

    private void show(Context ctx, String notice, boolean problem) {
        Map<String, Object> params = new HashMap<>(Map.of("frame", frames.signedIn(ctx, "admin.title"),
                "accounts", accounts.list(), "services", services.all(), "problem", problem));
        params.put("notice", notice);
        Templates.render(ctx, "admin/accounts.jte", params);
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    private static Accounts.Grant grant(Context ctx) {
        Role role;
        try {
            role = Role.valueOf(field(ctx, "role").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            role = null;
        }
        return new Accounts.Grant(role, field(ctx, "organisation"), Set.copyOf(ctx.formParams("service")));
    }
}
