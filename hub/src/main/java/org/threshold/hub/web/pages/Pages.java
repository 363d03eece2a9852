package org.threshold.hub.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Arrays;
import java.util.Optional;
import org.threshold.core.i18n.Messages;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.account.SessionAuth;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.app.household.TokenLookup;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;
import org.threshold.hub.app.household.HouseholdRecord;

/**
 * The caseworker's pages, rendered on the server: sign in ({@code GET /}, {@code POST /login}), look a
 * token up ({@code GET /lookup?token=...}), sign out ({@code POST /logout}). The session travels in an
 * HttpOnly, SameSite=Strict cookie; failures are shown on the page in words, with the API's messages.
 */
public final class Pages {
    private final Accounts accounts;
    private final SessionAuth auth;
    private final TokenLookup lookup;
    private final NeedsCatalogue catalogue;
    private final boolean demoMode;
    private final ReadLimit reads;

    public Pages(Accounts accounts, SessionAuth auth, TokenLookup lookup, NeedsCatalogue catalogue, boolean demoMode,
                 ReadLimit reads) {
        this.reads = reads;
        this.accounts = accounts;
        this.auth = auth;
        this.lookup = lookup;
        this.catalogue = catalogue;
        this.demoMode = demoMode;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/", this::home, Access.PUBLIC);
        routes.post("/login", this::login, Access.PUBLIC);
        routes.get("/lookup", this::lookup, Access.HOUSEHOLD_READERS);
        routes.get("/account", ctx -> html(ctx, new AccountPage(RouteGuard.user(ctx),
                Messages.of(Messages.HUB_UI, RequestLanguage.of(ctx)), demoMode).render()), Access.SIGNED_IN);
        routes.post("/logout", this::logout, Access.SIGNED_IN);
    }

    /** For errors outside these handlers (an unknown address, a failure): the message on a plain page. */
    public String errorPage(int status, String message) {
        return Html.page("Error", "", "<p class=\"problem\" role=\"alert\">" + Html.escape(message) + "</p>\n"
                + "<p><a href=\"/\">Back to the start</a></p>", demoMode);
    }

    private void home(Context ctx) {
        Optional<SignedInUser> user = auth.fromCookie(ctx);
        if (user.isPresent()) {
            ctx.redirect(startPage(user.get()), HttpStatus.SEE_OTHER);
            return;
        }
        html(ctx, LoginPage.render(null, demoMode));
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
            html(ctx, LoginPage.render(e.getMessage(), demoMode));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Where a signed-in user starts: the lookup for those who read households, their account page otherwise. */
    private static String startPage(SignedInUser user) {
        return Arrays.stream(Access.HOUSEHOLD_READERS).anyMatch(access -> access.role().orElseThrow() == user.role())
                ? "/lookup" : "/account";
    }

    private void lookup(Context ctx) throws JsonProcessingException {
        SignedInUser user = RouteGuard.user(ctx);
        String token = ctx.queryParam("token");
        LookupPage page = new LookupPage(catalogue, user, Messages.of(Messages.HUB_UI, RequestLanguage.of(ctx)),
                demoMode);
        if (token == null || token.isBlank()) {
            html(ctx, page.form(""));
            return;
        }
        reads.admit(user.username()); // over the limit: the error page, with Retry-After
        try {
            html(ctx, page.result(token, lookup.find(token, user)));
        } catch (Refusal refusal) {
            ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
            ctx.status(e.status());
            html(ctx, page.problem(token, e.getMessage()));
        }
    }

    private void logout(Context ctx) {
        accounts.logout(ctx.cookie(SessionAuth.COOKIE));
        ctx.removeCookie(SessionAuth.COOKIE, "/");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private static void html(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }
}
