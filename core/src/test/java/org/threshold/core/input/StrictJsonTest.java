package org.threshold.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Bytes after the JSON and keys given twice are errors; plain JSON still reads. */
class StrictJsonTest {
    private final ObjectMapper json = StrictJson.mapper();

    @Test
    void readsPlainJson() throws JsonProcessingException {
        assertThat(json.readTree("{\"a\":1, \"b\":[1,2]} \n").path("b").size()).isEqualTo(2);
    }

    @Test
    void refusesTrailingTokens() {
        assertThatExceptionOfType(JsonProcessingException.class).isThrownBy(() -> json.readTree("{\"a\":1} {\"a\":2}"));
        assertThatExceptionOfType(JsonProcessingException.class).isThrownBy(() -> json.readTree("{\"a\":1} x"));
        assertThatExceptionOfType(JsonProcessingException.class)
                .isThrownBy(() -> json.readTree("{\"a\":1}]".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void refusesDuplicateKeysAtAnyDepth() {
        assertThatExceptionOfType(JsonProcessingException.class).isThrownBy(() -> json.readTree("{\"a\":1,\"a\":2}"));
        assertThatExceptionOfType(JsonProcessingException.class)
                .isThrownBy(() -> json.readTree("{\"m\":[{\"n\":\"x\",\"n\":\"y\"}]}"));
    }
}
