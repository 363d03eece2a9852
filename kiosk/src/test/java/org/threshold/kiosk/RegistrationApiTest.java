package org.threshold.kiosk;

import org.threshold.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.core.qr.QrCodes;
import org.threshold.kiosk.KioskClient.Reply;

class RegistrationApiTest {
    @TempDir
    Path dataDir;
    private TestDeployment deployment;
    private KioskApp kiosk;
    private KioskClient client;

    @BeforeEach
    void start() throws Exception {
        deployment = TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, null, false, new TestClock(), null));
        client = new KioskClient(kiosk.port());
        client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void registeringPrintsACardWhoseQrCodeIsTheKioskSignedToken() throws Exception {
        Reply reply = client.post("/api/households", Households.nourhan());

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.body();
        assertThat(body.path("printed").asBoolean()).isTrue();
        assertThat(body.path("localCopy").asBoolean()).isTrue();
        assertThat(body.path("token").path("code").asText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}-[0-9A-Z]");
        String qr = body.path("token").path("qr").asText();
        Path card = Path.of(body.path("card").asText());
        assertThat(card).isAbsolute().isRegularFile().hasParent(dataDir.resolve("cards").toAbsolutePath());
        BufferedImage image = ImageIO.read(card.toFile());
        assertThat(QrCodes.decode(image)).isEqualTo(qr);
        IssuedToken token = IssuedToken.parseQr(qr);
        assertThat(token.signedBy(deployment.kioskKey.verifyingKey())).isTrue();
        assertThat(token.id().shortCode()).isEqualTo(body.path("token").path("code").asText());
    }

    @Test
    void theCommittedEventOpensAtTheHubToTheHousehold() throws Exception {
        JsonNode body = client.post("/api/households", Households.nourhan()).body();

        List<SignedEvent> events = KioskFiles.events(dataDir);
        assertThat(events).hasSize(1);
        SignedEvent event = events.get(0);
        assertThat(event.header().sequence()).isEqualTo(1);
        assertThat(event.signatureValid(deployment.kioskKey.verifyingKey())).isTrue();
        RegistrationPayload payload = RegistrationPayload.fromJson(event.openPayload(deployment.hubSealing),
                NeedsCatalogue.bundled());
        assertThat(payload.householdId().toString()).isEqualTo(body.path("householdId").asText());
        assertThat(payload.token().qrPayload()).isEqualTo(body.path("token").path("qr").asText());
        assertThat(payload.site()).isEqualTo(TestDeployment.SITE);
        Member focalPoint = payload.household().focalPoint();
        assertThat(focalPoint.givenName()).isEqualTo(Households.GIVEN_NAME);
        assertThat(focalPoint.givenNameLatin()).isEqualTo(Households.GIVEN_NAME_LATIN);
        assertThat(payload.household().members()).hasSize(2);
    }

    @Test
    void noNameIsReadableInAnyFileTheKioskWrote() throws Exception {
        String code = client.post("/api/households", Households.nourhan()).body().path("token").path("code").asText();
        assertThat(client.get("/api/households/" + code).status()).isEqualTo(200);

        for (String name : List.of(Households.GIVEN_NAME, Households.FAMILY_NAME, Households.GIVEN_NAME_LATIN,
                "Al-Zoubi", "Aleppo")) {
            assertThat(KioskFiles.filesContaining(dataDir, name)).as("files holding %s", name).isEmpty();
        }
        assertThat(Files.exists(dataDir.resolve("kiosk.db-wal"))).as("the write-ahead log was searched too").isTrue();
        assertThat(KioskFiles.filesContaining(dataDir, TestDeployment.KIOSK_ID)).as("the search finds what is there")
                .contains(dataDir.resolve("kiosk.json"));
    }

    @Test
    void findingByTokenOpensTheLocalCopyWhateverTheCaseAndDashes() throws Exception {
        JsonNode registered = client.post("/api/households", Households.nourhan()).body();
        String code = registered.path("token").path("code").asText();

        Reply found = client.get("/api/households/" + code.replace("-", "").toLowerCase());

        assertThat(found.status()).isEqualTo(200);
        JsonNode body = found.body();
        assertThat(body.path("householdId").asText()).isEqualTo(registered.path("householdId").asText());
        assertThat(body.path("token").path("code").asText()).isEqualTo(code);
        assertThat(body.path("token").path("qr").asText()).isEqualTo(registered.path("token").path("qr").asText());
        assertThat(body.path("card").asText()).isEqualTo(registered.path("card").asText());
        assertThat(body.path("registeredAt").asText()).isEqualTo("2026-11-24T09:30:00Z");
        assertThat(body.path("synced").asBoolean()).isFalse();
        assertThat(body.path("localCopy").asText()).isEqualTo("OPENED");
        JsonNode focalPoint = body.path("household").path("members").path(0);
        assertThat(focalPoint.path("givenName").asText()).isEqualTo(Households.GIVEN_NAME);
        assertThat(focalPoint.path("familyName").asText()).isEqualTo(Households.FAMILY_NAME);
        assertThat(focalPoint.path("givenNameLatin").asText()).isEqualTo(Households.GIVEN_NAME_LATIN);
        assertThat(found.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aMistypedCodeIsTurnedBackAndAnUnknownOneIsNotFound() throws Exception {
        String code = client.post("/api/households", Households.nourhan()).body().path("token").path("code").asText();
        char first = code.charAt(0);
        String mistyped = (first == '7' ? '8' : '7') + code.substring(1);

        Reply wrong = client.get("/api/households/" + mistyped);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.reason()).isEqualTo("CHECK_MISMATCH");
        assertThat(wrong.body().path("error").path("message").asText()).contains("mistyped");

        Reply tooShort = client.get("/api/households/7K3M");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.reason()).isEqualTo("MALFORMED");

        Reply unknown = client.get("/api/households/" + TokenId.random(new SecureRandom()).shortCode());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.reason()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anInvalidHouseholdIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        ObjectNode household = Households.nourhan();
        ObjectNode member = (ObjectNode) household.path("members").path(0);
        member.put("sex", "female");
        member.put("birthDate", "2099-01-01");
        household.putArray("languages");

        Reply reply = client.post("/api/households", household);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.reason()).isEqualTo("INVALID_REGISTRATION");
        assertThat(reply.body().path("error").path("message").asText()).isNotBlank();
        assertThat(reply.body().path("error").path("problems").findValuesAsText("field"))
                .contains("members[0].sex", "members[0].birthDate", "languages");
        assertThat(reply.body().path("error").path("problems").get(0).path("message").asText()).isNotBlank();
        assertThat(new String(reply.raw(), StandardCharsets.UTF_8)).doesNotContain(Households.GIVEN_NAME);
        assertThat(KioskFiles.count(dataDir, "events")).isZero();
        assertThat(KioskFiles.count(dataDir, "tokens")).isZero();
        assertThat(KioskFiles.count(dataDir, "local_households")).isZero();
    }

    @Test
    void malformedJsonIsNamedAsSuchWithoutEchoingIt() throws Exception {
        Reply reply = client.postRaw("/api/households",
                "{\"members\":[{\"givenName\": Nourhan}]}".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.reason()).isEqualTo("MALFORMED_JSON");
        assertThat(reply.body().path("error").path("message").asText()).contains("line 1").doesNotContain("Nourhan");
    }

    @Test
    void statusCountsPendingEventsAndSaysThePrinterIsSimulated() throws Exception {
        client.post("/api/households", Households.nourhan());
        client.post("/api/households", Households.nourhan());
        client.forgetSession();

        Reply status = client.get("/api/status");

        assertThat(status.status()).isEqualTo(200);
        JsonNode body = status.body();
        assertThat(body.path("kioskId").asText()).isEqualTo(TestDeployment.KIOSK_ID);
        assertThat(body.path("site").asText()).isEqualTo(TestDeployment.SITE);
        assertThat(body.path("hubUrl").asText()).isEqualTo("http://127.0.0.1:9");
        assertThat(body.path("pendingEvents").asLong()).isEqualTo(2);
        assertThat(body.path("totalEvents").asLong()).isEqualTo(2);
        assertThat(body.path("lastSyncAt").isNull()).isTrue();
        assertThat(body.path("lastSyncError").isNull()).isTrue();
        assertThat(body.path("demoMode").asBoolean()).isFalse();
        assertThat(body.path("catalogueVersion").asText()).isEqualTo(NeedsCatalogue.bundled().version());
        JsonNode printer = body.path("hardware").get(0);
        assertThat(printer.path("kind").asText()).isEqualTo("printer");
        assertThat(printer.path("simulated").asBoolean()).isTrue();
        assertThat(printer.path("model").asText()).isNotBlank();
        assertThat(new String(status.raw(), StandardCharsets.UTF_8)).doesNotContain(Households.GIVEN_NAME_LATIN);
    }

    @Test
    void theNeedsOfferedForDataEntryComeFromTheCatalogue() throws Exception {
        JsonNode needs = client.get("/api/needs").body();

        assertThat(needs.size()).isEqualTo(NeedsCatalogue.bundled().forDataEntry().size());
        assertThat(needs.findValuesAsText("code")).contains("SC-UC", "WR-SF");
        JsonNode survivor = needs.findParents("code").stream()
                .filter(need -> need.path("code").asText().equals("SV-VA")).findFirst().orElseThrow();
        assertThat(survivor.path("sensitive").asBoolean()).isTrue();
        assertThat(survivor.path("label").asText()).isNotBlank();
    }

    @Test
    void aFailedPrintKeepsTheRegistrationAndTheCardCanBeReprinted() throws Exception {
        Path cards = dataDir.resolve("cards");
        Files.delete(cards);

        Reply reply = client.post("/api/households", Households.nourhan());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().path("printed").asBoolean()).isFalse();
        assertThat(reply.body().path("card").isNull()).isTrue();
        assertThat(reply.body().path("printMessage").asText()).contains("reprint");
        assertThat(KioskFiles.count(dataDir, "events")).isEqualTo(1);
        String code = reply.body().path("token").path("code").asText();
        assertThat(client.get("/api/households/" + code).body().path("printed").asBoolean()).isFalse();

        Files.createDirectory(cards);
        Reply reprinted = client.post("/api/households/" + code + "/reprint", Map.of());

        assertThat(reprinted.status()).isEqualTo(200);
        assertThat(reprinted.body().path("printed").asBoolean()).isTrue();
        assertThat(Path.of(reprinted.body().path("card").asText())).isRegularFile();
        assertThat(client.get("/api/households/" + code).body().path("printed").asBoolean()).isTrue();
    }

    @Test
    void cardImagesAreServedToAnUnlockedSessionOnlyAndOnlyFromTheCardsFolder() throws Exception {
        Path card = Path.of(client.post("/api/households", Households.nourhan()).body().path("card").asText());

        Reply image = client.get("/cards/" + card.getFileName());
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.raw()).isEqualTo(Files.readAllBytes(card));

        assertThat(client.get("/cards/..%2Fkiosk.db").status()).isEqualTo(404);
        assertThat(client.get("/cards/card-..png").status()).isEqualTo(404);
        client.forgetSession();
        assertThat(client.get("/cards/" + card.getFileName()).reason()).isEqualTo("LOCKED");
    }

    @Test
    void everyProvisionedOperatorOpensTheSameLocalCopies() throws Exception {
        String byFirst = client.post("/api/households", Households.nourhan()).body().path("token").path("code")
                .asText();
        KioskClient second = new KioskClient(kiosk.port());
        second.unlock(TestDeployment.SECOND_OPERATOR, TestDeployment.SECOND_PASSPHRASE);

        Reply registered = second.post("/api/households", Households.nourhan());
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body().path("localCopy").asBoolean()).isTrue();

        JsonNode opened = second.get("/api/households/" + byFirst).body();
        assertThat(opened.path("localCopy").asText()).isEqualTo("OPENED");
        assertThat(opened.path("household").path("members").path(0).path("givenName").asText())
                .isEqualTo(Households.GIVEN_NAME);
        String bySecond = registered.body().path("token").path("code").asText();
        assertThat(client.get("/api/households/" + bySecond).body().path("localCopy").asText()).isEqualTo("OPENED");
        assertThat(KioskFiles.count(dataDir, "events")).isEqualTo(2);
        assertThat(dataDir.resolve("local-key.json")).as("moved into the database, then deleted").doesNotExist();
    }

    @Test
    void thePageIsServedFromTheKioskItself() throws Exception {
        Reply page = client.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        String html = new String(page.raw(), StandardCharsets.UTF_8);
        assertThat(html).contains("<script type=\"module\" src=\"/js/main.js\"").doesNotContain("https://");
        Reply module = client.get("/js/main.js");
        assertThat(module.status()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(client.get("/api/languages").body()).hasSize(6);
        assertThat(client.get("/kiosk.css").status()).isEqualTo(200);
        Reply missing = client.get("/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.reason()).isEqualTo("NOT_FOUND");
    }
}
