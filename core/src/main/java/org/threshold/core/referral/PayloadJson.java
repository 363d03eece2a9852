package org.threshold.core.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.input.StrictJson;
import org.threshold.core.input.StrictText;

/**
 * The JSON form of referral event payloads, as {@code RegistrationPayload} writes its own: compact JSON with the
 * fields in one fixed order, times as ISO-8601 UTC instants in whole milliseconds, absent optional fields left out.
 * Reading is strict: a payload must re-encode to exactly its own bytes, so each value has one encoding and two
 * parties always sign and hash the same bytes.
 */
final class PayloadJson {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private PayloadJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static byte[] bytes(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /** Reads a payload with {@code reader} and checks that it is in canonical form. */
    static <T> T decode(byte[] bytes, String kind, PayloadReader<T> reader, Function<T, byte[]> encoder)
            throws MalformedEncodingException {
        T value;
        try {
            JsonNode json = JSON.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new MalformedEncodingException(kind + " payload is not a JSON object");
            }
            value = reader.read(json);
        } catch (IOException e) {
            throw new MalformedEncodingException(kind + " payload is not readable JSON");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEncodingException(kind + " payload is invalid: " + e.getMessage());
        }
        if (!Arrays.equals(encoder.apply(value), bytes)) {
            throw new MalformedEncodingException(kind + " payload is not in canonical form");
        }
        return value;
    }

    @FunctionalInterface
    interface PayloadReader<T> {
        T read(JsonNode json) throws MalformedEncodingException;
    }

    static String text(JsonNode json, String field) throws MalformedEncodingException {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedEncodingException("field \"" + field + "\" must be a string");
        }
        return value.textValue();
    }

    static String optionalText(JsonNode json, String field) throws MalformedEncodingException {
        return json.has(field) ? text(json, field) : null;
    }

    static UUID uuid(JsonNode json, String field) throws MalformedEncodingException {
        try {
            return UUID.fromString(text(json, field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException("field \"" + field + "\" must be a UUID");
        }
    }

    static Instant instant(JsonNode json, String field) throws MalformedEncodingException {
        try {
            return Instant.parse(text(json, field));
        } catch (DateTimeParseException e) {
            throw new MalformedEncodingException("field \"" + field + "\" must be an ISO-8601 UTC instant");
        }
    }

    static <E> E choice(JsonNode json, String field, Function<String, Optional<E>> byName)
            throws MalformedEncodingException {
        String name = text(json, field);
        return byName.apply(name).orElseThrow(() -> new MalformedEncodingException("field \"" + field
                + "\" has an unknown value"));
    }

    static void requireWholeMillis(Instant instant, String what) {
        if (instant.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(what + " must be in whole milliseconds; truncate before building");
        }
    }

    /**
     * Free text from staff: a reason or a note, as {@link StrictText} (kind TEXT) returns it, so that what is signed
     * is what was checked: normalised, without surrounding space, not blank, at most {@code max} characters.
     */
    static String staffText(String text, int max, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        StrictText.Checked checked = StrictText.check(text, StrictText.Kind.TEXT);
        if (!checked.ok()) {
            throw new IllegalArgumentException(what + ": " + checked.problem().message());
        }
        if (!checked.text().equals(text)) {
            throw new IllegalArgumentException(what + " must be normalised by StrictText first");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return text;
    }

    /** An account name as the hub knows it (never a registered person's name). */
    static String actor(String actor) {
        if (actor == null || !actor.matches("[a-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("actor must be an account name of 1 to 64 characters a-z 0-9 . _ -");
        }
        return actor;
    }

    static String serviceId(String service, String what) {
        if (service == null || !Service.ID.matcher(service).matches()) {
            throw new IllegalArgumentException(what + " must be a service id");
        }
        return service;
    }
}
