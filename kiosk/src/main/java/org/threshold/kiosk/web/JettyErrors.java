package org.threshold.kiosk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.threshold.core.i18n.Messages;

/**
 * Errors Jetty answers itself, before a request reaches the routes (bad UTF-8 in the path, a URI or headers
 * too long to read), in the same JSON shape and with the same headers as every other answer, the message in the
 * language of {@code Accept-Language} as elsewhere. Nothing of the request is echoed. When Jetty cannot go on reading the connection (it stopped mid-request), the answer says
 * {@code Connection: close}, so a client opens a new connection instead of losing its next request on this one.
 */
final class JettyErrors extends ErrorHandler {
    private final ObjectMapper json;

    JettyErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        KioskWebServer.SECURITY_HEADERS.forEach(headers::put);
        if (!request.getConnectionMetaData().isPersistent()) {
            headers.put(HttpHeader.CONNECTION, "close");
        }
        // The page asks in the operator's language; a request Jetty could not read may not say, and gets English.
        Messages messages = Messages.of(Messages.ERRORS,
                Messages.pick(null, request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)));
        response.write(true, ByteBuffer.wrap(body(status, messages)), callback);
        return true;
    }

    private byte[] body(int status, Messages messages) {
        String reason = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            default -> "HTTP_" + status;
        };
        String message = reason.startsWith("HTTP_") ? messages.format("error.HTTP_OTHER", Map.of("status", status))
                : messages.format("error." + reason);
        try {
            return json.writeValueAsBytes(Map.of("error", Map.of("reason", reason, "message", message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Two strings always serialise", e);
        }
    }
}
