package org.threshold.hub.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * long to read, a body arriving too slowly): in the JSON error shape on {@code /api/} paths and as the plain error
 * page elsewhere, with the same headers as every other answer, as the kiosk does. Nothing of the request is
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
        ApiException error = error(status);
        byte[] body;
        if (status == 414 || apiPath(request)) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json");
            body = ErrorResponses.jsonBody(error);
        } else {
            fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            // Jetty's errors come before the request is read as the routes read it: English, as their message is.
            body = errorPage.html(status, error.getMessage(), Messages.ENGLISH).getBytes(StandardCharsets.UTF_8);
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

    private static ApiException error(int status) {
        return switch (status) {
            case 400 -> new ApiException(400, "BAD_REQUEST", "The request could not be read (malformed HTTP, or a "
                    + "path that is not valid UTF-8). Check the address and try again.");
            case 408 -> new ApiException(408, "REQUEST_TIMEOUT", "The request arrived too slowly and was cut off. "
                    + "Send it again.");
            case 414 -> new ApiException(414, "URI_TOO_LONG", "The address is too long for the hub to read. Check "
                    + "the address.");
            case 431 -> new ApiException(431, "HEADERS_TOO_LARGE", "The request's headers are too large for the hub "
                    + "to read. Clear the browser's data for this site and reload.");
            default -> new ApiException(status, "HTTP_" + status, "The request was not accepted (HTTP " + status
                    + "). Check it against docs/api.md.");
        };
    }
}
