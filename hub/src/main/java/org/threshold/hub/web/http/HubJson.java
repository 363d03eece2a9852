package org.threshold.hub.web.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import org.threshold.core.input.StrictJson;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Map;

/**
 * The hub's one JSON configuration: ISO-8601 times, read strictly as core's {@link StrictJson} reads (duplicate
 * keys and anything after the value are errors), and request bodies taken only when declared as JSON.
 */
public final class HubJson {
    public static final ObjectMapper MAPPER = StrictJson.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    // The response's stream is Javalin's to finish (and to compress): the writer must not close it.
    private static final ObjectWriter ANSWER = MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private HubJson() {
    }

    /**
     * Answers with {@code body} as JSON, written straight into the response's bytes (Javalin's {@code ctx.json}
     * makes a String of it first, then bytes again).
     */
    public static void answer(Context ctx, JsonNode body) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try {
            ANSWER.writeValue(ctx.outputStream(), body);
        } catch (IOException e) {
            // The client went away while the answer was being written: nothing left to tell it.
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** JSON written token by token, for {@link #answer(Context, Writing)} and {@link #tree}. */
    @FunctionalInterface
    public interface Writing {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /**
     * Answers with the JSON {@code body} writes, straight into the response's bytes: no tree of it first (a referral
     * list is 50 referrals with their people).
     */
    public static void answer(Context ctx, Writing body) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try (JsonGenerator json = ANSWER.createGenerator(ctx.outputStream())) {
            body.writeTo(json);
        } catch (IOException e) {
            // The client went away while the answer was being written: nothing left to tell it.
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The JSON {@code body} writes, as a tree: the same fields in the same order as {@link #answer} would send. */
    public static ObjectNode tree(Writing body) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            body.writeTo(buffer);
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException("JSON written in memory does not read back", e);
        }
    }

    /**
     * Parses a request body declared as {@code application/json}.
     *
     * @throws ApiException 415 {@code UNSUPPORTED_MEDIA_TYPE} for any other {@code Content-Type}; 400 as
     *                      {@link #parse(byte[], String)}
     */
    public static JsonNode parse(Context ctx, byte[] body, String expected) {
        requireJson(ctx, expected);
        return parse(body, expected);
    }

    /** @throws ApiException 415 {@code UNSUPPORTED_MEDIA_TYPE} unless the body is declared as JSON in UTF-8 */
    public static void requireJson(Context ctx, String expected) {
        if (!StrictJson.isJsonMediaType(ctx.header("Content-Type"))) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", Map.of("shape", expected));
        }
    }

    /**
     * Parses a request body whose type was checked.
     *
     * @throws ApiException 400 {@code MALFORMED_JSON}, saying where the JSON breaks but not quoting it: the
     *                      body may hold a password or a name
     */
    public static JsonNode parse(byte[] body, String expected) {
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw malformed(Map.of("problem", "empty", "shape", expected));
            }
            return json;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw malformed(where == null ? Map.of("problem", "syntax", "shape", expected)
                    : Map.of("problem", "at", "line", where.getLineNr(), "column", where.getColumnNr(), "shape",
                    expected));
        } catch (IOException e) {
            throw malformed(Map.of("problem", "unreadable", "shape", expected));
        }
    }

    private static ApiException malformed(Map<String, ?> arguments) {
        return new ApiException(400, "MALFORMED_JSON", arguments);
    }

    /** 400 {@code MALFORMED_REQUEST}: the JSON holds a field of the wrong type, or misses one; send {@code shape}. */
    public static ApiException malformedRequest(String shape) {
        return new ApiException(400, "MALFORMED_REQUEST", Map.of("shape", shape));
    }

    /** 413 {@code BODY_TOO_LARGE}: a body far larger than {@code shape} can be. */
    public static ApiException tooLarge(String shape) {
        return new ApiException(413, "BODY_TOO_LARGE", Map.of("shape", shape));
    }
}
