package org.threshold.kiosk.web;

import java.util.List;
import java.util.Map;
import org.threshold.core.registration.FieldProblem;

/**
 * An answer other than success that the web layer decides itself (locked, not found, malformed request). The
 * message is the {@code errors} bundle's {@code key} with {@code args}, said in the request's language; it tells
 * staff what to do and never repeats what was sent. {@code extra} adds fields to the error object (candidates,
 * suggestions), {@code problems} lists field problems.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String reason;
    private final String key;
    private final Map<String, Object> args;
    private final Map<String, String> headers;
    private final Map<String, Object> extra;
    private final List<FieldProblem> problems;

    private ApiException(int status, String reason, String key, Map<String, Object> args, Map<String, String> headers,
                         Map<String, Object> extra, List<FieldProblem> problems) {
        super(reason + " (" + key + ")");
        this.status = status;
        this.reason = reason;
        this.key = key;
        this.args = Map.copyOf(args);
        this.headers = Map.copyOf(headers);
        this.extra = Map.copyOf(extra);
        this.problems = List.copyOf(problems);
    }

    /** The message is {@code error.<reason>}. */
    ApiException(int status, String reason) {
        this(status, reason, "error." + reason, Map.of(), Map.of(), Map.of(), List.of());
    }

    ApiException(int status, String reason, String key, Map<String, Object> args) {
        this(status, reason, key, args, Map.of(), Map.of(), List.of());
    }

    ApiException withExtra(Map<String, Object> fields) {
        return new ApiException(status, reason, key, args, headers, fields, problems);
    }

    ApiException withProblems(List<FieldProblem> fieldProblems) {
        return new ApiException(status, reason, key, args, headers, extra, fieldProblems);
    }

    static ApiException locked() {
        return new ApiException(401, "LOCKED");
    }

    /** 404 {@code NOT_FOUND} with the message {@code error.NOT_FOUND.<what>}. */
    static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", "error.NOT_FOUND." + what, Map.of());
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    String key() {
        return key;
    }

    Map<String, Object> args() {
        return args;
    }

    Map<String, String> headers() {
        return headers;
    }

    Map<String, Object> extra() {
        return extra;
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
