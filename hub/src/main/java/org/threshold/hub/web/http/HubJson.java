package org.threshold.hub.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The hub's one JSON configuration: ISO-8601 times, and duplicate keys rejected rather than last-one-wins. */
public final class HubJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private HubJson() {
    }

    /**
     * Parses a request body.
     *
     * @throws ApiException 400 {@code MALFORMED_JSON}, saying where the JSON breaks but not quoting it: the
     *                      body may hold a password or a name
     */
    public static JsonNode parse(byte[] body, String expected) {
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw malformed("The body is empty", expected);
            }
            return json;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw malformed(where == null ? "The body is not valid JSON"
                    : "The body is not valid JSON (at line " + where.getLineNr() + ", column " + where.getColumnNr()
                    + ")", expected);
        } catch (IOException e) {
            throw malformed("The body is not readable JSON", expected);
        }
    }

    private static ApiException malformed(String what, String expected) {
        return new ApiException(400, "MALFORMED_JSON", what + ". Send " + expected + ".");
    }
}
