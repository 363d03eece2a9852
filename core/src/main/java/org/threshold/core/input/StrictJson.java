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
}
