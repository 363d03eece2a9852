package org.threshold.kiosk.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.threshold.core.input.StrictJson;

/**
 * Reads request bodies as JSON trees, strictly: declared as {@code application/json} (in UTF-8), one value,
 * no key twice. A parser's own message quotes the text it choked on, which may be a name, so the answer
 * gives only where the problem is.
 */
final class JsonBodies {
    private JsonBodies() {
    }

    static JsonNode read(Context ctx, ObjectMapper json) {
        requireJsonContentType(ctx);
        try {
            JsonNode body = json.readTree(ctx.bodyAsBytes());
            if (body == null || body.isMissingNode()) {
                throw malformed("empty", Map.of());
            }
            return body;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw at == null ? malformed("unreadable", Map.of())
                    : malformed("syntax", Map.of("line", at.getLineNr(), "column", at.getColumnNr()));
        } catch (IOException e) {
            throw malformed("unreadable", Map.of());
        }
    }

    /** See {@link StrictJson#isJsonMediaType}. */
    private static void requireJsonContentType(Context ctx) {
        if (!StrictJson.isJsonMediaType(ctx.header("Content-Type"))) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE");
        }
    }

    private static ApiException malformed(String variant, Map<String, Object> args) {
        return new ApiException(400, "MALFORMED_JSON", "error.MALFORMED_JSON." + variant, args);
    }
}
