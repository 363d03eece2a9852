package org.threshold.kiosk.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * Reads request bodies as JSON trees. A parser's own message quotes the text it choked on, which may
 * be a name, so the answer gives only where the problem is.
 */
final class JsonBodies {
    private JsonBodies() {
    }

    static JsonNode read(Context ctx, ObjectMapper json, String what) {
        try {
            JsonNode body = json.readTree(ctx.bodyAsBytes());
            if (body == null || body.isMissingNode()) {
                throw malformed(what, "The request body is empty.");
            }
            return body;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw malformed(what, "The request body is not valid JSON"
                    + (at == null ? "." : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."));
        } catch (IOException e) {
            throw malformed(what, "The request body could not be read.");
        }
    }

    private static ApiException malformed(String what, String problem) {
        return new ApiException(400, "MALFORMED_JSON", problem + " Send " + what + " as a JSON object.");
    }
}
