package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.registration.FieldProblem;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.kiosk.session.BadCredentialsException;
import org.threshold.kiosk.session.KeysDestroyedException;
import org.threshold.kiosk.session.TooManyAttemptsException;
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
        routes.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            answer(ctx, e.status(), e.reason(), e.getMessage());
        });
        routes.exception(InvalidRegistrationException.class, (e, ctx) -> {
            Map<String, Object> error = error("INVALID_REGISTRATION",
                    "Some fields need correcting before this household can be registered; see the problems listed. "
                            + "Nothing was saved.");
            error.put("problems", problems(e.problems()));
            ctx.status(400).json(Map.of("error", error));
        });
        routes.exception(InvalidTokenException.class, (e, ctx) -> answer(ctx, 400, e.reason().name(),
                "That token code is not right: " + e.getMessage() + "."));
        routes.exception(BadCredentialsException.class, (e, ctx) ->
                answer(ctx, 401, "BAD_CREDENTIALS", e.getMessage()));
        routes.exception(TooManyAttemptsException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            answer(ctx, 429, "TOO_MANY_ATTEMPTS", e.getMessage());
        });
        routes.exception(KeysDestroyedException.class, (e, ctx) ->
                answer(ctx, 403, "KEYS_DESTROYED_" + e.destructionCause(), e.getMessage()));
        routes.exception(StorageRefusedException.class, (e, ctx) -> answer(ctx, e.status(), e.reason(), e.getMessage()));
        routes.exception(StoreException.class, (e, ctx) -> {
            LOG.error("Kiosk database failure: {}", e.getMessage());
            answer(ctx, 503, "STORE_UNAVAILABLE", "The kiosk could not use its database, so this request did not "
                    + "complete and nothing from it was saved. Check that the disk is not full, then try again; if it "
                    + "repeats, restart the kiosk and tell your supervisor.");
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(),
                e.getStatus() == 404 ? "NOT_FOUND" : "HTTP_" + e.getStatus(),
                e.getStatus() == 404 ? "There is no such page or API endpoint on the kiosk; check the address."
                        : "The request was not accepted (HTTP " + e.getStatus() + "); check the method and address."));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected {} answering {} (message withheld, it may hold personal data) at {}",
                    e.getClass().getName(), ctx.method(), frames(e));
            answer(ctx, 500, "INTERNAL_ERROR", "Something went wrong inside the kiosk. Try again; if it repeats, "
                    + "restart the kiosk and tell your supervisor. Registrations confirmed on screen are safe.");
        });
    }

    private static void answer(Context ctx, int status, String reason, String message) {
        ctx.status(status).json(Map.of("error", error(reason, message)));
    }

    private static Map<String, Object> error(String reason, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("reason", reason);
        error.put("message", message);
        return error;
    }

    private static List<Map<String, String>> problems(List<FieldProblem> problems) {
        return problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList();
    }

    private static String frames(Throwable e) {
        return Arrays.stream(e.getStackTrace()).limit(12).map(StackTraceElement::toString)
                .collect(Collectors.joining(" < "));
    }
}
