package org.threshold.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.PassphraseHash;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.enrollment.EnrollmentCode;
import org.threshold.core.enrollment.EnrollmentTicket;
import org.threshold.core.pki.Pem;
import org.threshold.hub.app.enrollment.DeploymentAuthority;
import org.threshold.hub.deployment.HubAuthority;
import org.threshold.hub.web.http.HubTls;
import org.threshold.kiosk.KioskApp;
import org.threshold.kiosk.KioskSettings;
import org.threshold.kiosk.enrollment.EnrollmentFailedException;
import org.threshold.kiosk.enrollment.KioskEnrollment;

/**
 * Enrollment with one-time codes against a real hub serving TLS on loopback, the kiosk trusting only the
 * hub certificate pinned in its ticket; then revocation and sealing-key rotation as the hub sees them.
 */
class EnrollmentTest {
    // Arrived four days ago, by the kiosk's clock: a fixed date fails the one-year plausibility rule one day.
    static final String HOUSEHOLD = """
            {"duplicateReviewed":true,
             "arrivalDate":"%s","origin":{"country":"SYR","place":"Aleppo"},"languages":["ar"],
             "consent":{"registration":true,"referral":true},
             "members":[{"givenName":"نورهان","familyName":"الزعبي","sex":"F","birthDate":"1990-03-01",
                         "birthDateEstimated":false,"nationality":"SYR","relationship":"FOCAL_POINT","needs":[]}]}"""
            .formatted(LocalDate.now().minusDays(4));

    @TempDir
    Path dir;

    private FieldDeployment deployment;

    @BeforeEach
    void deploy() throws Exception {
        deployment = FieldDeployment.init(dir).startHub(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    private KioskEnrollment.Enrolled enroll(String ticket, Path kioskDir) {
        return new KioskEnrollment(new SecureRandom()).enroll(EnrollmentTicket.parse(ticket), kioskDir, "test-1.0");
    }

    @Test
    void aKioskEnrollsOverPinnedTlsWithAKeyMadeOnItselfAndTheCodeWorksOnce() throws Exception {
        assertThat(deployment.hubUrl()).startsWith("https://");
        String ticket = deployment.addKiosk();
        Path kioskDir = dir.resolve("kiosk");

        KioskEnrollment.Enrolled enrolled = enroll(ticket, kioskDir);

        assertThat(enrolled.kioskId()).isEqualTo("KIOSK-01");
        assertThat(enrolled.site()).isEqualTo(FieldDeployment.SITE);
        KioskConfig config = JsonHttp.JSON.readValue(kioskDir.resolve(DeploymentLayout.KIOSK_CONFIG).toFile(),
                KioskConfig.class);
        assertThat(config.hubUrl()).isEqualTo(deployment.hubUrl());
        assertThat(Files.getPosixFilePermissions(kioskDir.resolve(DeploymentLayout.KIOSK_KEY)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // The hub trusts the key made on the kiosk, and nothing of the private key ever reached it.
        KeyPairFile kioskKey = JsonHttp.JSON.readValue(kioskDir.resolve(DeploymentLayout.KIOSK_KEY).toFile(),
                KeyPairFile.class);
        assertThat(deployment.services().kiosks().find("KIOSK-01").orElseThrow().publicKey())
                .isEqualTo(kioskKey.publicKey());
        try (var files = Files.walk(deployment.hubDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(kioskKey.privateKey());
            }
        }

        assertThatThrownBy(() -> enroll(ticket, dir.resolve("second-kiosk")))
                .isInstanceOfSatisfying(EnrollmentFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo("CODE_USED"))
                .hasMessageContaining("already used")
                .hasMessageContaining("provision kiosk add");
        assertThat(dir.resolve("second-kiosk").resolve(DeploymentLayout.KIOSK_CONFIG)).doesNotExist();

        String listed = deployment.cli("kiosk", "list", "--hub", deployment.hubDir.toString());
        assertThat(listed).contains("KIOSK-01").contains(FieldDeployment.SITE).contains("test-1.0").contains("active");
    }

    @Test
    void aRequestWithoutProofOfTheKeyIsRefusedAndDoesNotSpendTheCode() throws Exception {
        String ticket = deployment.addKiosk();
        EnrollmentCode code = EnrollmentTicket.parse(ticket).code();
        SigningKey claimed = SigningKey.generate(new SecureRandom());
        SigningKey other = SigningKey.generate(new SecureRandom());
        String publicKey = claimed.verifyingKey().toBase64();
        ObjectNode forged = JsonHttp.JSON.createObjectNode().put("code", code.reveal()).put("publicKey", publicKey)
                .put("proof", java.util.Base64.getEncoder().encodeToString(
                        other.sign(EnrollmentCode.proofMessage(code, publicKey))))
                .put("softwareVersion", "t");
        JsonHttp hub = new JsonHttp(deployment.hubUrl(), deployment.pinnedClient());

        JsonHttp.Response refused = hub.post("/api/enrollment", forged.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().at("/error/reason").asText()).isEqualTo("BAD_PROOF");
        JsonHttp.Response mistyped = hub.post("/api/enrollment", forged.put("code", "7K3M-Q9XD").toString());
        assertThat(mistyped.body().at("/error/reason").asText()).isEqualTo("MALFORMED_CODE");
        assertThat(mistyped.body().at("/error/message").asText()).contains("16 letters and digits");

        assertThat(enroll(ticket, dir.resolve("kiosk")).kioskId()).isEqualTo("KIOSK-01");
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        String ticket = deployment.addKiosk("--valid-for", "1m");
        deployment.stopHub();
        deployment.startHub(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)));
        String moved = ticket.substring(0, ticket.lastIndexOf("https://")) + deployment.hubUrl();

        assertThatThrownBy(() -> enroll(moved, dir.resolve("kiosk")))
                .isInstanceOfSatisfying(EnrollmentFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo("CODE_EXPIRED"))
                .hasMessageContaining("expired").hasMessageContaining("new one");
        assertThat(dir.resolve("kiosk").resolve(DeploymentLayout.KIOSK_KEY)).doesNotExist();
    }

    @Test
    void aServerWithoutThePinnedCertificateIsNotTrusted() throws Exception {
        EnrollmentTicket real = EnrollmentTicket.parse(deployment.addKiosk());
        EnrollmentTicket wrongPin = new EnrollmentTicket(real.code(), "00".repeat(32), real.hubUrl());

        assertThatThrownBy(() -> new KioskEnrollment(new SecureRandom()).enroll(wrongPin, dir.resolve("kiosk"), "t"))
                .isInstanceOfSatisfying(EnrollmentFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo("HUB_NOT_TRUSTED"))
                .hasMessageContaining("not the hub in the ticket");
        // The code was never shown to the impostor's hub, so it still works with the right pin.
        assertThat(new KioskEnrollment(new SecureRandom()).enroll(real, dir.resolve("kiosk"), "t").kioskId())
                .isEqualTo("KIOSK-01");
    }

    @Test
    void aTamperedCertificateInTheAnswerIsRefusedAndNothingIsWritten() throws Exception {
        DeploymentAuthority root = HubAuthority.load(deployment.hubDir, new SecureRandom()).orElseThrow();
        Javalin impostor = tamperingHub(root);
        try {
            String url = "https://127.0.0.1:" + impostor.port();
            EnrollmentTicket ticket = new EnrollmentTicket(EnrollmentCode.generate(new SecureRandom()),
                    deployment.hubCertificateSha256(), url);
            Path kioskDir = dir.resolve("kiosk");

            assertThatThrownBy(() -> new KioskEnrollment(new SecureRandom()).enroll(ticket, kioskDir, "t"))
                    .isInstanceOfSatisfying(EnrollmentFailedException.class,
                            e -> assertThat(e.reason()).isEqualTo("ANSWER_REJECTED"))
                    .hasMessageContaining("not signed by the deployment root")
                    .hasMessageContaining("Nothing was written");
            assertThat(kioskDir.resolve(DeploymentLayout.KIOSK_CONFIG)).doesNotExist();
            assertThat(kioskDir.resolve(DeploymentLayout.KIOSK_KEY)).doesNotExist();
        } finally {
            impostor.stop();
        }
    }

    /** What the signed update feed holds for the kiosk, as JSON, in order. */
    private List<String> feedFor(String kioskId) {
        List<String> feed = new java.util.ArrayList<>();
        for (var entry : deployment.services().updates().page(kioskId, 0, "0123456789abcdef").updates()) {
            try {
                feed.add(JsonHttp.JSON.writeValueAsString(entry.update()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return feed;
    }

    /** Holds the hub's own TLS key (the worst case), but alters one bit of the kiosk certificate it hands out. */
    private Javalin tamperingHub(DeploymentAuthority root) throws Exception {
        HubTls tls = HubTls.load(deployment.hubDir).orElseThrow();
        String hubKeys = Files.readString(deployment.hubDir.resolve(DeploymentLayout.HUB_KEYS));
        JsonNode keys = JsonHttp.JSON.readTree(hubKeys);
        String passphraseHash = PassphraseHash.create("any passphrase".toCharArray(), new SecureRandom()).encode();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            tls.install(config, "127.0.0.1", 0);
            config.routes.post("/api/enrollment", ctx -> {
                JsonNode request = JsonHttp.JSON.readTree(ctx.body());
                X509Certificate issued = root.issueKiosk("KIOSK-09", FieldDeployment.SITE,
                        org.threshold.core.crypto.VerifyingKey.fromBase64(request.get("publicKey").asText()),
                        Instant.now());
                byte[] der = issued.getEncoded();
                der[der.length - 5] ^= 0x01;
                ObjectNode answer = JsonHttp.JSON.createObjectNode();
                answer.put("kioskId", "KIOSK-09");
                answer.put("site", FieldDeployment.SITE);
                answer.put("certificate", Pem.encode("CERTIFICATE", der));
                answer.put("rootCertificate", Pem.certificate(root.rootCertificate()));
                answer.put("hubIdentityKey", keys.at("/identity/publicKey").asText());
                answer.put("hubSealingKey", keys.at("/sealing/0/publicKey").asText());
                answer.set("operators", JsonHttp.JSON.createArrayNode().add(JsonHttp.JSON.createObjectNode()
                        .put("name", "x").put("role", "RECEPTION").put("passphraseHash", passphraseHash)));
                ctx.status(201).contentType("application/json").result(answer.toString());
            });
        }).start("127.0.0.1", 0);
    }

    @Test
    void aRevokedKiosksNextBatchIsRefusedAndItsWipeOrderWaitsForItsNextPull() throws Exception {
        Path kioskDir = dir.resolve("kiosk");
        String kioskId = enroll(deployment.addKiosk(), kioskDir).kioskId();
        try (KioskApp kiosk = startKiosk(kioskDir)) {
            JsonHttp staff = unlock(kiosk);
            assertThat(staff.post("/api/households", HOUSEHOLD).status()).isEqualTo(201);
            JsonNode first = staff.post("/api/sync", "{}").body();
            assertThat(first.get("acknowledged").asInt()).as(first.toString()).isEqualTo(1);

            String revoked = deployment.cli("kiosk", "revoke", kioskId, "--hub", deployment.hubDir.toString(),
                    "--reason", "stolen");
            assertThat(revoked).contains("revoked");

            assertThat(staff.post("/api/households", HOUSEHOLD).status()).isEqualTo(201);
            JsonNode second = staff.post("/api/sync", "{}").body();
            assertThat(second.get("acknowledged").asInt()).isZero();
            assertThat(second.get("pendingEvents").asInt()).isEqualTo(1);
            assertThat(second.get("error").asText()).contains("revoked");
        }
        List<String> feed = feedFor(kioskId);
        assertThat(feed).hasSize(1);
        assertThat(JsonHttp.JSON.readTree(feed.get(0)).get("kind").asText()).isEqualTo("KIOSK_REVOCATION");
        assertThat(feed.get(0)).contains("stolen").contains("\"wipe\":true");
        assertThat(deployment.cli("kiosk", "list", "--hub", deployment.hubDir.toString())).contains("REVOKED");
    }

    @Test
    void eventsSealedBeforeAndAfterASealingKeyRotationBothOpenAtTheHub() throws Exception {
        Path kioskDir = dir.resolve("kiosk");
        String kioskId = enroll(deployment.addKiosk(), kioskDir).kioskId();
        String before = registerAndSync(kioskDir);
        String oldKey = config(kioskDir).hubSealing().keyId();

        String rotated = deployment.cli("rotate-sealing-key", "--hub", deployment.hubDir.toString());
        assertThat(rotated).contains("1 kiosk(s) will switch");
        List<String> feed = feedFor(kioskId);
        assertThat(feed).hasSize(1);
        String newKeyBody = feed.get(0);
        assertThat(JsonHttp.JSON.readTree(newKeyBody).get("kind").asText()).isEqualTo("SEALING_KEY");
        // What the update feed will do on the kiosk's next pull: seal to the new key from now on.
        KioskConfig old = config(kioskDir);
        KioskConfig switched = new KioskConfig(old.kioskId(), old.site(), old.hubUrl(), old.hubIdentityKey(),
                JsonHttp.JSON.readTree(newKeyBody).get("publicKey").asText());
        Files.write(kioskDir.resolve(DeploymentLayout.KIOSK_CONFIG), JsonHttp.JSON.writeValueAsBytes(switched));
        assertThat(switched.hubSealing().keyId()).isNotEqualTo(oldKey);

        String after = registerAndSync(kioskDir);

        // The hub kept running through the rotation: it picks the new key up by itself.
        JsonHttp hub = new JsonHttp(deployment.hubUrl(), deployment.pinnedClient())
                .login("/api/login", "username", FieldDeployment.OFFICER, "password", FieldDeployment.OFFICER_PASSWORD);
        for (String code : List.of(before, after)) {
            JsonHttp.Response found = hub.get("/api/tokens/" + code);
            assertThat(found.status()).as(code + " " + found.body()).isEqualTo(200);
            assertThat(found.body().at("/household/members/0/givenName").asText()).isEqualTo("نورهان");
        }
    }

    private static KioskConfig config(Path kioskDir) throws Exception {
        return JsonHttp.JSON.readValue(kioskDir.resolve(DeploymentLayout.KIOSK_CONFIG).toFile(), KioskConfig.class);
    }

    private String registerAndSync(Path kioskDir) throws Exception {
        try (KioskApp kiosk = startKiosk(kioskDir)) {
            JsonHttp staff = unlock(kiosk);
            JsonHttp.Response registered = staff.post("/api/households", HOUSEHOLD);
            assertThat(registered.status()).isEqualTo(201);
            JsonNode sync = staff.post("/api/sync", "{}").body();
            assertThat(sync.get("acknowledged").asInt()).as(sync.toString()).isEqualTo(1);
            return registered.body().at("/token/code").asText();
        }
    }

    private static KioskApp startKiosk(Path kioskDir) {
        return KioskApp.start(new KioskSettings(kioskDir, "127.0.0.1", 0, null, false, Clock.systemDefaultZone(),
                Duration.ZERO));
    }

    private static JsonHttp unlock(KioskApp kiosk) throws Exception {
        return new JsonHttp("http://127.0.0.1:" + kiosk.port()).login("/api/session", "operator",
                FieldDeployment.OPERATOR, "passphrase", FieldDeployment.PASSPHRASE);
    }
}
