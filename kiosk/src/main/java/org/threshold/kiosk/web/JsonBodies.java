package org.threshold.kiosk.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * Reads request bodies as JSON trees, strictly: declared as {@code application/json} (in UTF-8), one value,
 * no key twice. A parser's own message quotes the text it choked on, which may be a name, so the answer
 * gives only where the problem is.
 */
final class JsonBodies {
    private JsonBodies() {
    }

    static JsonNode read(Context ctx, ObjectMapper json, String what) {
        requireJsonContentType(ctx, what);
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

    /** A form or text/plain body never reaches the parser: a cross-site form cannot send application/json. */
    private static void requireJsonContentType(Context ctx, String what) {
        String header = ctx.header("Content-Type");
        String[] parts = header == null ? new String[] {""} : header.split(";");
        boolean json = parts[0].strip().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")) {
                json = parameter.length == 2 && parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8");
            }
        }
        if (!json) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Send " + what
                    + " as JSON in UTF-8, with the header Content-Type: application/json.");
        }
    }

    private static ApiException malformed(String what, String problem) {
        return new ApiException(400, "MALFORMED_JSON", problem + " Send " + what + " as a JSON object.");
    }
}
