package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.testing.TestClock;

/** The API answers in the language of {@code ?lang=} or {@code Accept-Language}; reasons never change. */
class LocalizedApiTest {
    @TempDir
    Path dataDir;
    private KioskApp kiosk;
    private KioskClient client;

    @BeforeEach
    void start() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, null, false, new TestClock(), null));
        client = new KioskClient(kiosk.port());
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void need_labels_come_in_the_chosen_language_marked_as_drafted() throws Exception {
        JsonNode arabic = need(client.get("/api/needs?lang=ar").body(), "SC-UC");
        assertThat(arabic.path("label").asText()).isEqualTo("طفل غير مصحوب");
        assertThat(arabic.path("drafted").asBoolean()).isTrue();
        assertThat(arabic.path("parent").asText()).isEqualTo("SC");

        client.header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5");
        assertThat(need(client.get("/api/needs").body(), "SC-UC").path("label").asText())
                .isEqualTo("Enfant non accompagné");

        client.header("Accept-Language", "de");
        JsonNode english = need(client.get("/api/needs").body(), "SC-UC");
        assertThat(english.path("label").asText()).isEqualTo("Unaccompanied child");
        assertThat(english.path("drafted").asBoolean()).isFalse();
    }

    private static JsonNode need(JsonNode needs, String code) {
        return needs.findParents("code").stream().filter(need -> need.path("code").asText().equals(code))
                .findFirst().orElseThrow();
    }
}
