package org.threshold.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.testing.TestClock;
import org.threshold.kiosk.Households;
import org.threshold.kiosk.KioskApp;
import org.threshold.kiosk.KioskClient;
import org.threshold.kiosk.KioskClient.Reply;
import org.threshold.kiosk.KioskSettings;
import org.threshold.kiosk.TestDeployment;

/** The kiosk reads JSON bodies strictly: declared as JSON, one value, no key twice; nothing is registered otherwise. */
class StrictJsonRequestTest {
    @TempDir
    Path dataDir;
    private KioskApp kiosk;
    private KioskClient client;

    @BeforeEach
    void start() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, null, false, new TestClock(), null));
        client = new KioskClient(kiosk.port());
        client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void bytesAfterTheJsonAreRefused() throws Exception {
        Reply reply = client.postRaw("/api/households",
                (Households.nourhan() + " {\"arrivalDate\":\"2026-11-01\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.reason()).isEqualTo("MALFORMED_JSON");
        assertNothingRegistered();
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws Exception {
        String twice = Households.nourhan().toString().replaceFirst("\\{", "{\"arrivalDate\":\"2026-11-01\",");

        Reply reply = client.postRaw("/api/households", twice.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.reason()).isEqualTo("MALFORMED_JSON");
        assertNothingRegistered();
    }

    @Test
    void aBodyNotDeclaredAsJsonIsRefusedWith415InTheErrorShape() throws Exception {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/json; charset=iso-8859-1", "application/jsonx"}) {
            HttpResponse<String> response = post("/api/households", type, Households.nourhan().toString());

            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(response.body()).contains("\"reason\":\"UNSUPPORTED_MEDIA_TYPE\"");
        }
        HttpResponse<String> unlock = post("/api/session", "text/plain",
                "{\"operator\":\"" + TestDeployment.OPERATOR + "\",\"passphrase\":\"" + TestDeployment.PASSPHRASE + "\"}");
        assertThat(unlock.statusCode()).isEqualTo(415);
        assertNothingRegistered();
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() throws Exception {
        HttpResponse<String> response = post("/api/households", "application/json; charset=UTF-8",
                Households.nourhan().toString());

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void aHundredThousandUnknownNeedCodesGetAShortAnswer() throws Exception {
        ObjectNode household = Households.nourhan();
        ArrayNode needs = ((ObjectNode) household.get("members").get(0)).putArray("needs");
        for (int i = 0; i < 100_000; i++) {
            needs.add("UAM");
        }

        Reply reply = client.post("/api/households", household);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.reason()).isEqualTo("INVALID_REGISTRATION");
        assertThat(reply.raw().length).isLessThan(2_000);
        assertNothingRegistered();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        String token = client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE).body()
                .path("sessionToken").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kiosk.port() + path))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void assertNothingRegistered() throws Exception {
        assertThat(client.get("/api/status").body().path("totalEvents").asLong()).isZero();
    }
}
