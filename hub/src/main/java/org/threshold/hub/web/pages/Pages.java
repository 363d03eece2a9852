package org.threshold.hub.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Arrays;
import java.util.Optional;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.web.account.SessionAuth;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.app.household.TokenLookup;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.web.http.ApiException;
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
        routes.get("/", this::home);
        routes.post("/login", this::login);
        routes.get("/lookup", this::lookup);
        routes.post("/logout", this::logout);
    }

    /** For errors outside these handlers (an unknown address, a failure): the message on a plain page. */
    public String errorPage(int status, String message) {
        return Html.page("Error", "", "<p class=\"problem\" role=\"alert\">" + Html.escape(message) + "</p>\n"
                + "<p><a href=\"/\">Back to the start</a></p>", demoMode);
    }

    private void home(Context ctx) {
        if (auth.fromCookie(ctx).isPresent()) {
            ctx.redirect("/lookup", HttpStatus.SEE_OTHER);
            return;
        }
        html(ctx, LoginPage.render(null, demoMode));
    }

    private void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        try {
            String token = accounts.login(username.strip(), password);
            ctx.cookie(new Cookie(SessionAuth.COOKIE, token, "/", (int) Accounts.SESSION_LIFETIME.toSeconds(),
                    "https".equals(ctx.scheme()), true, null, SameSite.STRICT));
            ctx.redirect("/lookup", HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            ApiException e = ApiException.of(refusal);
            ctx.status(e.status());
            e.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", seconds));
            html(ctx, LoginPage.render(e.getMessage(), demoMode));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void lookup(Context ctx) throws JsonProcessingException {
        Optional<SignedInUser> user = auth.fromCookie(ctx);
        if (user.isEmpty()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        String token = ctx.queryParam("token");
        LookupPage page = new LookupPage(catalogue, user.get(), demoMode);
        if (token == null || token.isBlank()) {
            html(ctx, page.form(""));
            return;
        }
        reads.admit(user.get().username()); // over the limit: the error page, with Retry-After
        try {
            HouseholdRecord household = lookup.find(token, user.get().username());
            html(ctx, page.result(token, household));
        } catch (Refusal refusal) {
            ctx.status(ApiException.of(refusal).status());
            html(ctx, page.problem(token, refusal.getMessage()));
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
