package org.threshold.core.input;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON read strictly, for everything that arrives from outside: a second value after the first (bytes a
 * proxy or an attacker appended) and a key given twice (where parsers disagree on which one wins) are
 * errors, not silently dropped.
 */
public final class StrictJson {
    private StrictJson() {
    }

    /** A builder with the strict reading switched on, for callers that add modules or features. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public static ObjectMapper mapper() {
        return builder().build();
    }

    /**
     * Whether a {@code Content-Type} header declares JSON in UTF-8: {@code application/json}, with no charset or
     * {@code charset=utf-8}. A form or {@code text/plain} body never reaches a parser: a cross-site form cannot
     * send {@code application/json}, so requiring it is also a defence against forged requests.
     */
    public static boolean isJsonMediaType(String contentType) {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        boolean json = parts[0].strip().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")) {
                json = parameter.length == 2 && parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8");
            }
        }
        return json;
    }
}
