package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.referral.ReferralConfirmation.NotConfirmableException;
import org.threshold.core.registration.FieldProblem;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.kiosk.registration.FindHousehold;
import org.threshold.kiosk.registration.HouseholdActions.NoLocalCopyException;
import org.threshold.kiosk.registration.HouseholdActions.TokenRevokedException;
import org.threshold.kiosk.registration.IdempotencyKeyReusedException;
import org.threshold.kiosk.registration.PossibleDuplicateException;
import org.threshold.kiosk.session.BadCredentialsException;
import org.threshold.kiosk.session.KeysDestroyedException;
import org.threshold.kiosk.session.TooManyAttemptsException;
import org.threshold.kiosk.store.RegistrationStore.StoredRegistration;
import org.threshold.kiosk.store.StorageRefusedException;
import org.threshold.kiosk.store.StoreException;

/**
 * The one place failures become HTTP answers. Every error body is
 * {@code {"error":{"reason":"...","message":"..."}}}, the message saying what to do next.
 */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> render(ctx, e));
        routes.exception(PossibleDuplicateException.class, (e, ctx) -> render(ctx,
                new ApiException(409, "POSSIBLE_DUPLICATE", "error.POSSIBLE_DUPLICATE",
                        Map.of("count", e.candidates().size()))
                        .withExtra(Map.of("candidates", e.candidates().stream().map(ApiErrors::candidate).toList()))));
        routes.exception(IdempotencyKeyReusedException.class, (e, ctx) ->
                render(ctx, new ApiException(422, "IDEMPOTENCY_KEY_REUSED")));
        // The answer names the entry by its place in the request, so the page can show it at that referral.
        routes.exception(NotConfirmableException.class, (e, ctx) -> render(ctx,
                new ApiException(422, e.problem().name(), "error.referral." + e.problem().name(), Map.of())
                        .withExtra(Map.of("field", "referrals[" + e.index() + "].service"))));
        routes.exception(TokenRevokedException.class, (e, ctx) -> render(ctx, new ApiException(410, "TOKEN_REVOKED")));
        routes.exception(NoLocalCopyException.class, (e, ctx) -> render(ctx, new ApiException(409, "NO_LOCAL_COPY")));
        routes.exception(InvalidRegistrationException.class, (e, ctx) -> {
            Map<String, Object> error = error("INVALID_REGISTRATION",
                    Languages.errors(ctx).format("error.INVALID_REGISTRATION"));
            error.put("problems", problems(e.problems(), Languages.of(ctx)));
            ctx.status(400).json(Map.of("error", error));
        });
        routes.exception(InvalidTokenException.class, (e, ctx) ->
                answer(ctx, 400, e.reason().name(), "error.token." + e.reason().name(), Map.of()));
        routes.exception(BadCredentialsException.class, (e, ctx) ->
                answer(ctx, 401, "BAD_CREDENTIALS", "error.BAD_CREDENTIALS", Map.of()));
        routes.exception(TooManyAttemptsException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            answer(ctx, 429, "TOO_MANY_ATTEMPTS", "error.TOO_MANY_ATTEMPTS", Map.of("seconds", e.retryAfterSeconds()));
        });
        routes.exception(KeysDestroyedException.class, (e, ctx) -> {
            String reason = "KEYS_DESTROYED_" + e.destructionCause();
            answer(ctx, 403, reason, "error." + reason, Map.of("at", e.at().toString()));
        });
        routes.exception(StorageRefusedException.class, (e, ctx) ->
                answer(ctx, e.status(), e.reason(), "error." + e.reason(), e.args()));
        routes.exception(StoreException.class, (e, ctx) -> {
            LOG.error("Kiosk database failure: {}", e.getMessage());
            answer(ctx, 503, "STORE_UNAVAILABLE", "error.STORE_UNAVAILABLE", Map.of());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 404) {
                answer(ctx, 404, "NOT_FOUND", "error.NOT_FOUND.path", Map.of());
            } else {
                answer(ctx, e.getStatus(), "HTTP_" + e.getStatus(), "error.HTTP_OTHER", Map.of("status", e.getStatus()));
            }
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected {} answering {} (message withheld, it may hold personal data) at {}",
                    e.getClass().getName(), ctx.method(), frames(e));
            answer(ctx, 500, "INTERNAL_ERROR", "error.INTERNAL_ERROR", Map.of());
        });
    }

    private static void render(Context ctx, ApiException e) {
        e.headers().forEach(ctx::header);
        Map<String, Object> error = error(e.reason(), Languages.errors(ctx).format(e.key(), e.args()));
        if (!e.problems().isEmpty()) {
            error.put("problems", problems(e.problems(), Languages.of(ctx)));
        }
        error.putAll(e.extra());
        ctx.status(e.status()).json(Map.of("error", error));
    }

    /** A possible duplicate as the page shows it beside the new registration: no names, the token to open it by. */
    private static Map<String, Object> candidate(StoredRegistration registration) {
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("householdId", registration.householdId().toString());
        candidate.put("token", Map.of("code", FindHousehold.shortCode(registration), "qr", registration.qr()));
        candidate.put("registeredAt", registration.registeredAt().toString());
        return candidate;
    }

    private static void answer(Context ctx, int status, String reason, String key, Map<String, ?> args) {
        ctx.status(status).json(Map.of("error", error(reason, Languages.errors(ctx).format(key, args))));
    }

    private static Map<String, Object> error(String reason, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("reason", reason);
        error.put("message", message);
        return error;
    }

    static List<Map<String, String>> problems(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> Map.of("field", p.field(), "message", p.message(locale))).toList();
    }

    private static String frames(Throwable e) {
        return Arrays.stream(e.getStackTrace()).limit(12).map(StackTraceElement::toString)
                .collect(Collectors.joining(" < "));
    }
}
