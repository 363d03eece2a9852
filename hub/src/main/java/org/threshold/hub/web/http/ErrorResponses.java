package org.threshold.hub.web.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.hub.app.Refusal;

/**
 * Every failure becomes an answer here, in one place (a use case's {@link Refusal} through {@link ApiException#of}):
 * API paths get
 * {@code {"error":{"reason","message"}}}, pages get the same message as HTML. An unexpected exception is
 * logged by type and stack only: exception messages from libraries can quote request data, which may be
 * personal.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final String API_PREFIX = "/api/";

    /** Renders an error for a person in a browser, the page in {@code language} as its message is. */
    @FunctionalInterface
    public interface ErrorPage {
        String html(int status, String message, Locale language);
    }

    private ErrorResponses() {
    }

    public static void install(RoutesConfig routes, ErrorPage errorPage) {
        routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e, errorPage));
        routes.exception(Refusal.class, (e, ctx) -> answer(ctx, ApiException.of(e, RequestLanguage.of(ctx)), errorPage));
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, fromJavalin(e), errorPage));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure in {} {}: {}", ctx.method(), routeOf(ctx), StackTraces.withoutMessages(e));
            answer(ctx, new ApiException(500, "INTERNAL_ERROR", Map.of()), errorPage);
        });
    }

    /** {@code {"error":{"reason","message"}}} as bytes, for answers written outside Javalin ({@link JettyErrors}). */
    static byte[] jsonBody(ApiException e) {
        try {
            return HubJson.MAPPER.writeValueAsBytes(errorBody(e.reason(), e.getMessage()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException("Two strings always serialise", impossible);
        }
    }

    private static ObjectNode errorBody(String reason, String message) {
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("reason", reason);
        error.put("message", message);
        return body;
    }

    private static void answer(Context ctx, ApiException refused, ErrorPage errorPage) {
        Locale language = RequestLanguage.of(ctx);
        ApiException e = refused.in(language);
        ctx.status(e.status());
        e.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", seconds));
        if (ctx.path().startsWith(API_PREFIX)) {
            ctx.json(errorBody(e.reason(), e.getMessage()));
        } else {
            ctx.contentType("text/html; charset=utf-8").result(errorPage.html(e.status(), e.getMessage(), language));
        }
    }

    private static ApiException fromJavalin(HttpResponseException e) {
        if (e.getStatus() == 404) {
            return new ApiException(404, "NO_SUCH_ENDPOINT", Map.of());
        }
        if (e.getStatus() == 405) {
            return new ApiException(405, "METHOD_NOT_ALLOWED", Map.of());
        }
        return new ApiException(e.getStatus(), HttpStatus.forStatus(e.getStatus()).name(),
                JettyErrors.messageKey(e.getStatus()), Map.of("status", e.getStatus()));
    }

    /** The route template, e.g. {@code /api/tokens/{code}}: the real path may hold a token code. */
    private static String routeOf(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException noEndpoint) {
            return "(no route)";
        }
    }
}
