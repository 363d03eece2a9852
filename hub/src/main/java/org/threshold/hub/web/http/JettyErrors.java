package org.threshold.hub.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.threshold.core.i18n.Messages;

/**
 * Errors Jetty answers itself, before a request reaches the routes (bad UTF-8 in the path, a URI or headers too
 * long to read, a body arriving too slowly or too large): in the JSON error shape on {@code /api/} paths and as the
 * plain error page elsewhere, with the same headers as every other answer, as the kiosk does, in the caller's language
 * when Jetty read enough of the request to know it (not for a request line too long: 414). Nothing of the request is
 * echoed. When Jetty cannot go on reading the connection, the answer says {@code Connection: close}, so a client
 * opens a new connection instead of losing its next request on this one.
 */
public final class JettyErrors extends ErrorHandler {
    private final Map<String, String> headers;
    private final ErrorResponses.ErrorPage errorPage;

    public JettyErrors(Map<String, String> headers, ErrorResponses.ErrorPage errorPage) {
        this.headers = headers;
        this.errorPage = errorPage;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        HttpFields.Mutable fields = response.getHeaders();
        headers.forEach(fields::put);
        if (!request.getConnectionMetaData().isPersistent()) {
            fields.put(HttpHeader.CONNECTION, "close");
        }
        Locale language = language(request);
        ApiException error = error(status).in(language);
        byte[] body;
        if (status == 414 || apiPath(request)) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json");
            body = ErrorResponses.jsonBody(error);
        } else {
            fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            body = errorPage.html(status, error.getMessage(), language).getBytes(StandardCharsets.UTF_8);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /**
     * Paths Jetty could not decode, or did not read (a URI too long: status 414), count as API paths: a machine
     * sent them, most likely.
     */
    private static boolean apiPath(Request request) {
        try {
            String path = request.getHttpURI().getPath();
            return path == null || path.startsWith("/api/");
        } catch (RuntimeException undecodable) {
            return true;
        }
    }

    /**
     * As {@code RequestLanguage} picks it, from what Jetty read: {@code ?lang=} if the URI decodes, else
     * Accept-Language if the headers were read, else English.
     */
    private static Locale language(Request request) {
        String lang = null;
        try {
            lang = Request.extractQueryParameters(request).getValue("lang");
        } catch (RuntimeException undecodable) {
            // The header alone says it.
        }
        HttpFields headers = request.getHeaders();
        return Messages.pick(lang, headers == null ? null : headers.get(HttpHeader.ACCEPT_LANGUAGE));
    }

    private static ApiException error(int status) {
        String reason = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 408 -> "REQUEST_TIMEOUT";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            default -> "HTTP_" + status;
        };
        return new ApiException(status, reason, messageKey(status), Map.of("status", status));
    }

    /** The errors bundle's words for an HTTP status the hub did not choose itself: Jetty's, or Javalin's. */
    static String messageKey(int status) {
        return switch (status) {
            case 400 -> "hub.BAD_REQUEST";
            case 408 -> "hub.REQUEST_TIMEOUT";
            case 413 -> "hub.CONTENT_TOO_LARGE";
            case 414 -> "hub.URI_TOO_LONG";
            case 431 -> "hub.HEADERS_TOO_LARGE";
            default -> "hub.HTTP_ERROR";
        };
    }
}
