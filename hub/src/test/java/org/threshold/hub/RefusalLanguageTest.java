package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusals the web layer makes itself (a body that is not JSON, a field of the wrong type, an unknown address, a bad
 * filter) and a token's refusals come in the caller's language, like the use cases' refusals: a person reads them.
 */
class RefusalLanguageTest {
    private static final List<String> LANGUAGES = List.of("en", "fr", "ar");

    @TempDir
    Path dataDir;
    private HubFixture hub;
    private HubClient client;
    private String officer;

    @BeforeEach
    void startHub() {
        hub = HubFixture.start(dataDir);
        client = hub.client();
        officer = "Bearer " + client.sessionToken();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    /** One refusal asked in each language: the reason stays, and each language has its own message. */
    private static void assertTranslated(String reason, Function<String, HubClient.Response> ask) {
        Set<String> messages = new HashSet<>();
        for (String language : LANGUAGES) {
            HubClient.Response answer = ask.apply(language);
            assertThat(answer.reason()).as(answer.body()).isEqualTo(reason);
            assertThat(messages.add(answer.json().path("error").path("message").asText()))
                    .as("%s in %s repeats another language's message", reason, language).isTrue();
        }
    }

    @Test
    void aTokenThatIsNoCardsIsRefusedInTheCallersLanguage() {
        assertTranslated("MALFORMED", language -> client.get("/api/tokens/MYZ6", "Authorization", officer,
                "Accept-Language", language));
        assertTranslated("INVALID_CHARACTER", language -> client.get("/api/tokens/MYZ6-6PK3-R7H3-YNE4-U",
                "Authorization", officer, "Accept-Language", language));
    }

    @Test
    void theWebLayersOwnRefusalsComeInTheCallersLanguage() {
        byte[] notJson = "{\"status\":".getBytes(StandardCharsets.UTF_8);
        assertTranslated("MALFORMED_JSON", language -> client.post("/api/login", notJson, "Content-Type",
                "application/json", "Accept-Language", language));
        assertTranslated("MALFORMED_REQUEST", language -> client.post("/api/login",
                "{\"username\":1}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                "Accept-Language", language));
        assertTranslated("UNSUPPORTED_MEDIA_TYPE", language -> client.post("/api/login", notJson, "Content-Type",
                "text/plain", "Accept-Language", language));
        assertTranslated("NO_SUCH_ENDPOINT", language -> client.get("/api/nothing-here", "Authorization", officer,
                "Accept-Language", language));
        assertTranslated("INVALID_LIMIT", language -> client.get("/api/referrals?limit=0", "Authorization", officer,
                "Accept-Language", language));
        assertTranslated("INVALID_CURSOR", language -> client.get("/api/referrals?after=x", "Authorization", officer,
                "Accept-Language", language));
        assertTranslated("NO_SUCH_REFERRAL", language -> client.get("/api/referrals/not-an-id", "Authorization",
                officer, "Accept-Language", language));
    }

    @Test
    void anErrorPageIsInTheCallersLanguageAndDirection() {
        HubClient.Response page = client.get("/no-such-page", "Accept-Language", "ar");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("<html lang=\"ar\" dir=\"rtl\">", "لا يوجد شيء في هذا العنوان");
    }

    @Test
    void theEnglishMessageStillSaysWhatToSend() {
        HubClient.Response answer = client.post("/api/login", "{\"username\":1}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").path("message").asText())
                .isEqualTo("A field is missing or of the wrong kind (text, true or false, a list). Send "
                        + "{\"username\":\"...\",\"password\":\"...\"}.");
    }
}
