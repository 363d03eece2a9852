package org.threshold.hub.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.account.SessionAuth;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;

/**
 * The staff's pages that every role shares, rendered on the server: sign in ({@code GET /}, {@code POST /login}), their
 * account ({@code GET /account}), sign out ({@code POST /logout}); and the pages' assets. The session travels in an
 * HttpOnly, SameSite=Strict cookie; failures are shown on the page in words, with the API's messages.
 */
public final class Pages {
    private final Accounts accounts;
    private final SessionAuth auth;
    private final PageFrames frames;

    public Pages(Accounts accounts, SessionAuth auth, PageFrames frames) {
        this.accounts = accounts;
        this.auth = auth;
        this.frames = frames;
    }

    public void addRoutes(RoutesConfig routes) {
        Assets.addRoutes(routes);
        routes.get("/", this::home, Access.PUBLIC);
        routes.post("/login", this::login, Access.PUBLIC);
        routes.get("/account", this::account, Access.SIGNED_IN);
        routes.post("/logout", this::logout, Access.SIGNED_IN);
    }

    /** For errors outside these handlers (an unknown address, a failure): the message on a plain page. */
    public String errorPage(int status, String message, Locale language) {
        return Templates.render("error.jte", Map.of("frame", frames.error(language), "message", message));
    }

    private void home(Context ctx) {
        Optional<SignedInUser> user = auth.fromCookie(ctx);
        if (user.isPresent()) {
            ctx.redirect(startPage(user.get()), HttpStatus.SEE_OTHER);
            return;
        }
        signInForm(ctx, null);
    }

    private void signInForm(Context ctx, String problem) {
        Map<String, Object> params = new HashMap<>();
        params.put("frame", frames.anonymous(ctx, "login.title"));
        params.put("problem", problem);
        Templates.render(ctx, "login.jte", params);
    }

    private void account(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        Frame frame = frames.signedIn(ctx, "account.title");
        String services = user.services().isEmpty() ? frame.text("account.noServices")
                : String.join(", ", new TreeSet<>(user.services()));
        Templates.render(ctx, "account.jte", Map.of("frame", frame, "services", services));
    }

    private void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        try {
            String token = accounts.login(username.strip(), password, ctx.ip());
            // Max-Age -1: a session cookie, never written to disk with an expiry.
            ctx.cookie(new Cookie(SessionAuth.COOKIE, token, "/", -1, "https".equals(ctx.scheme()), true, null,
                    SameSite.STRICT));
            ctx.redirect(accounts.authenticate(token).map(Pages::startPage).orElse("/"), HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
            ctx.status(e.status());
            e.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", seconds));
            signInForm(ctx, e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Where a signed-in user starts: caseworkers and supervisors at their queue, a protection officer at the
     * lookup, the others at their account page.
     */
    private static String startPage(SignedInUser user) {
        return switch (user.role()) {
            case CASEWORKER, SUPERVISOR -> "/queue";
            case PROTECTION_OFFICER -> "/lookup";
            case ADMIN, DPO -> "/account";
        };
    }

    private void logout(Context ctx) {
        accounts.logout(ctx.cookie(SessionAuth.COOKIE));
        ctx.removeCookie(SessionAuth.COOKIE, "/");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }
}
