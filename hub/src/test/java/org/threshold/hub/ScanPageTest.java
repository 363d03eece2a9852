package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan page over HTTP: a wedge scanner's payload, a mistyped code with its hint, a phone photo of the card. */
class ScanPageTest {
    @TempDir
    Path dataDir;
    private HubFixture hub;
    private HubClient client;
    private TestKiosk.Registration registration;
    private String cookie;

    @BeforeEach
    void syncOneHousehold() {
        hub = HubFixture.start(dataDir);
        client = hub.client();
        registration = hub.kiosk.register();
        client.sync("KIOSK-01", List.of(registration.event()));
        cookie = "threshold_session=" + client.sessionToken();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void theWedgeFieldIsFocusedAndTakesTheQrPayloadAsAScannerTypesIt() {
        HubClient.Response empty = client.get("/scan", "Cookie", cookie);
        HubClient.Response scanned = client.get("/scan?token=" + URLEncoder.encode(registration.token().qrPayload(),
                StandardCharsets.UTF_8), "Cookie", cookie);

        assertThat(empty.body()).contains("<form method=\"get\" action=\"/scan\">", "required autofocus");
        assertThat(scanned.status()).isEqualTo(200);
        assertThat(scanned.body()).contains(TestKiosk.ARABIC_GIVEN_NAME);
    }

    @Test
    void aMistypedCodeIsExplainedAndTheCodeOneTypoAwayOffered() {
        String code = registration.token().id().shortCode();
        String typo = (code.charAt(0) == '7' ? '8' : '7') + code.substring(1);

        HubClient.Response page = client.get("/scan?token=" + typo + "&lang=fr", "Cookie", cookie);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Le code ne tombe pas juste", "<a href=\"/scan?token=" + code + "\">" + code)
                .doesNotContain(TestKiosk.ARABIC_GIVEN_NAME);
    }

    @Test
    void aBlurredTurnedNoisyJpegPhotoOfAPrintedCardIsReadOnTheHub() {
        byte[] photo = CardPhotos.photo(CardPhotos.printed(registration.token()), 3.0, 9, 3, 12, 0.6f, 1);

        HubClient.Response page = upload(photo, "image/jpeg", "en");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(TestKiosk.ARABIC_GIVEN_NAME, registration.token().id().shortCode());
        assertThat(hub.rows("SELECT action, outcome FROM access_log")).containsExactly(List.of("token-lookup", "FOUND"));
    }

    @Test
    void aPhotoWithNoCodeOrNoImageIsRefusedInTheUsersLanguage() {
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        HubClient.Response noCode = upload(CardPhotos.png(blank), "image/png", "ar");
        HubClient.Response notImage = upload("%PDF-1.7 not a photo".getBytes(StandardCharsets.UTF_8), "image/jpeg",
                "fr");

        assertThat(noCode.status()).isEqualTo(422);
        assertThat(noCode.body()).contains("<html lang=\"ar\" dir=\"rtl\">", "تعذّرت قراءة رمز البطاقة");
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.body()).contains("n’est pas une photo JPEG ou PNG");
        assertThat(hub.count("access_log")).isZero();
    }

    private HubClient.Response upload(byte[] photo, String type, String language) {
        String boundary = "----threshold-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"card\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(photo);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.request("POST", "/scan/photo", body.toByteArray(), "Cookie", cookie, "Content-Type",
                "multipart/form-data; boundary=" + boundary, "Accept-Language", language);
    }
}
