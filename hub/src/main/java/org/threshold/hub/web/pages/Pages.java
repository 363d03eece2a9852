package org.threshold.hub.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
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
    private final PageFrames frames;
    private final ReadLimit reads;

    public Pages(Accounts accounts, SessionAuth auth, TokenLookup lookup, NeedsCatalogue catalogue, PageFrames frames,
                 ReadLimit reads) {
        this.reads = reads;
        this.accounts = accounts;
        this.auth = auth;
        this.lookup = lookup;
        this.catalogue = catalogue;
        this.frames = frames;
    }

    public void addRoutes(RoutesConfig routes) {
        Assets.addRoutes(routes);
        routes.get("/", this::home, Access.PUBLIC);
        routes.post("/login", this::login, Access.PUBLIC);
        routes.get("/lookup", this::lookup, Access.HOUSEHOLD_READERS);
        routes.get("/account", this::account, Access.SIGNED_IN);
        routes.post("/logout", this::logout, Access.SIGNED_IN);
    }

    /** For errors outside these handlers (an unknown address, a failure): the message on a plain page. */
    public String errorPage(int status, String message) {
        return Templates.render("error.jte", Map.of("frame", frames.error(), "message", message));
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

    /** Where a signed-in user starts: the lookup for those who read households, their account page otherwise. */
    private static String startPage(SignedInUser user) {
        return Arrays.stream(Access.HOUSEHOLD_READERS).anyMatch(access -> access.role().orElseThrow() == user.role())
                ? "/lookup" : "/account";
    }

    private void lookup(Context ctx) throws JsonProcessingException {
        SignedInUser user = RouteGuard.user(ctx);
        String token = ctx.queryParam("token");
        LookupPage page = new LookupPage(catalogue, frames.signedIn(ctx, "lookup.title"));
        if (token == null || token.isBlank()) {
            page.form(ctx, "");
            return;
        }
        reads.admit(user.username()); // over the limit: the error page, with Retry-After
        try {
            page.result(ctx, token, lookup.find(token, user));
        } catch (Refusal refusal) {
            ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
            ctx.status(e.status());
            page.problem(ctx, token, e.getMessage());
        }
    }

    private void logout(Context ctx) {
        accounts.logout(ctx.cookie(SessionAuth.COOKIE));
        ctx.removeCookie(SessionAuth.COOKIE, "/");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }
}
