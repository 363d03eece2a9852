package org.threshold.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.token.TokenId;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.deployment.HubDataKey;
import org.threshold.hub.store.JdbiHubStore;
import org.threshold.kiosk.KioskApp;
import org.threshold.kiosk.KioskSettings;

/**
 * Kiosk and hub on loopback with real SQLite files, each test on a demo of its own: a supervisor's changes at the
 * kiosk reach the hub's lookup, a hub stopped mid-sync loses and doubles nothing, invalid households store nothing.
 * The spine itself (a card decoded to its signed token, found at the hub) is in {@link IssueContractsTest}, on the
 * demo it shares with the issues' contracts.
 */
class EndToEndTest {
    // Arrived four days ago, by the kiosk's clock: a fixed date fails the one-year plausibility rule one day.
    static final String HOUSEHOLD = """
            {"duplicateReviewed":true,
             "arrivalDate":"%s","origin":{"country":"SYR","place":"Aleppo"},"languages":["ar"],
             "consent":{"registration":true,"referral":true},
             "members":[{"givenName":"نورهان","familyName":"الزعبي","givenNameLatin":"Nourhan","sex":"F",
                         "birthDate":"1990-03-01","birthDateEstimated":false,"nationality":"SYR",
                         "relationship":"FOCAL_POINT","needs":["WR-SF"]},
                        {"givenName":"سامي","familyName":"الزعبي","sex":"M","ageEstimate":7,
                         "nationality":"SYR","relationship":"SON","needs":[]}]}"""
            .formatted(LocalDate.now().minusDays(4));

    @TempDir
    Path data;

    @Test
    void aSupervisorsReissueCorrectionAndConsentChangeReachTheHubLookup() throws Exception {
        try (RunningDemo demo = RunningDemo.start(data, 0, 0)) {
            JsonHttp kiosk = new JsonHttp(demo.kioskUrl()).login("/api/session", "operator", RunningDemo.SUPERVISOR,
                    "passphrase", RunningDemo.OPERATOR_PASSPHRASE);
            JsonHttp.Response registered = kiosk.post("/api/households", HOUSEHOLD);
            assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
            String oldCode = registered.body().at("/token/code").asText();
            String oldQr = registered.body().at("/token/qr").asText();

            JsonHttp.Response reissued = kiosk.post("/api/households/" + oldCode + "/reissue", "{}");
            assertThat(reissued.status()).as(String.valueOf(reissued.body())).isEqualTo(201);
            String newCode = reissued.body().at("/token/code").asText();
            String newQr = reissued.body().at("/token/qr").asText();
            JsonHttp.Response corrected = kiosk.post("/api/households/" + newCode + "/corrections", """
                    {"corrections":[{"member":1,"field":"givenNameLatin","value":"Sami"}],
                     "addNeeds":[{"member":1,"needs":["SM-CI"]}]}""");
            assertThat(corrected.status()).as(String.valueOf(corrected.body())).isEqualTo(200);
            JsonHttp.Response consent = kiosk.post("/api/households/" + newCode + "/consent",
                    "{\"referral\":false,\"reason\":\"The household withdrew consent to referral\"}");
            assertThat(consent.status()).as(String.valueOf(consent.body())).isEqualTo(200);
            JsonHttp.Response sync = kiosk.post("/api/sync", "{}");
            assertThat(sync.status()).isEqualTo(200);
            assertThat(sync.body().get("pendingEvents").asInt()).isZero();

            JsonHttp hub = new JsonHttp(demo.hubUrl())
                    .login("/api/login", "username", RunningDemo.PROTECTION_OFFICER, "password", RunningDemo.ADMIN_PASSWORD);
            for (String revoked : List.of(oldCode, JsonHttp.encode(oldQr))) {
                JsonHttp.Response answer = hub.get("/api/tokens/" + revoked);
                assertThat(answer.status()).as(revoked).isEqualTo(410);
                assertThat(answer.body().at("/error/reason").asText()).isEqualTo("TOKEN_REVOKED");
            }
            for (String current : List.of(newCode, JsonHttp.encode(newQr))) {
                JsonHttp.Response found = hub.get("/api/tokens/" + current);
                assertThat(found.status()).as(current).isEqualTo(200);
                assertThat(found.body().get("householdId").asText())
                        .isEqualTo(registered.body().get("householdId").asText());
                assertThat(found.body().at("/token/code").asText()).isEqualTo(newCode);
                assertThat(found.body().at("/household/members/1/givenNameLatin").asText()).isEqualTo("Sami");
                assertThat(found.body().at("/household/members/1/needs/0").asText()).isEqualTo("SM-CI");
            }
            // The lookup shows no consent to any role (need-to-know): the change is read from the hub's store.
            TokenId current = TokenId.parseShortCode(newCode);
            try (JdbiHubStore store = JdbiHubStore.openIn(data.resolve("hub"))) {
                HouseholdVault vault = new HouseholdVault(HubDataKey.load(data.resolve("hub")), new SecureRandom());
                String stored = vault.open(store.read(repositories -> repositories.households().findByToken(current))
                        .orElseThrow()).householdJson();
                JsonNode householdConsent = JsonHttp.JSON.readTree(stored).get("consent");
                assertThat(householdConsent.get("referral").asBoolean()).isFalse();
                assertThat(householdConsent.get("registration").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void stoppingTheHubMidSyncLosesNothingAndDoublesNothing() throws Exception {
        int households = 60;
        List<String> codes = new ArrayList<>();
        Path hubDir = data.resolve("hub");
        Path kioskDir = data.resolve("kiosk");
        RunningDemo.start(data, 0, 0).close();
        HubServer hub = HubServer.start(demoHub(hubDir, 0));
        int hubPort = hub.port();
        try (KioskApp kioskApp = KioskApp.start(new KioskSettings(kioskDir, "127.0.0.1", 0,
                "http://127.0.0.1:" + hubPort, true, Clock.systemDefaultZone(), Duration.ZERO))) {
            JsonHttp kiosk = new JsonHttp("http://127.0.0.1:" + kioskApp.port())
                    .login("/api/session", "operator", RunningDemo.OPERATOR, "passphrase", RunningDemo.OPERATOR_PASSPHRASE);
            for (int i = 0; i < households; i++) {
                JsonHttp.Response registered = kiosk.post("/api/households", HOUSEHOLD);
                assertThat(registered.status()).isEqualTo(201);
                codes.add(registered.body().at("/token/code").asText());
            }

            CompletableFuture<JsonHttp.Response> interrupted = CompletableFuture.supplyAsync(() -> {
                try {
                    return kiosk.post("/api/sync", "{}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            hub.close();
            assertThat(interrupted.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            hub = HubServer.start(demoHub(hubDir, hubPort));

            JsonNode status = null;
            for (int attempt = 0; attempt < 10; attempt++) {
                status = kiosk.post("/api/sync", "{}").body();
                if (status.get("pendingEvents").asInt() == 0) {
                    break;
                }
            }
            assertThat(status.get("pendingEvents").asInt()).as(String.valueOf(status)).isZero();

            JsonHttp hubApi = new JsonHttp("http://127.0.0.1:" + hubPort)
                    .login("/api/login", "username", RunningDemo.PROTECTION_OFFICER, "password", RunningDemo.ADMIN_PASSWORD);
            for (String code : codes) {
                assertThat(hubApi.get("/api/tokens/" + code).status()).as(code).isEqualTo(200);
            }
            HubCounts counts = HubCounts.read(hubDir);
            // Each registration is followed by its shelter referral (WR-SF, with consent), in the same chain.
            assertThat(counts.events()).isEqualTo(2 * households);
            assertThat(counts.distinctEvents()).isEqualTo(2 * households);
            assertThat(counts.households()).isEqualTo(households);
        } finally {
            hub.close();
        }
    }

    private static HubSettings demoHub(Path hubDir, int port) {
        return new HubSettings(hubDir, "127.0.0.1", port, true, Clock.systemUTC(), RunningDemo.ADMIN,
                RunningDemo.ADMIN_PASSWORD.toCharArray());
    }

    @Test
    void invalidHouseholdsAreRejectedFieldByFieldAndStoreNothing() throws Exception {
        try (RunningDemo demo = RunningDemo.start(data, 0, 0)) {
            JsonHttp kiosk = new JsonHttp(demo.kioskUrl())
                    .login("/api/session", "operator", RunningDemo.OPERATOR, "passphrase", RunningDemo.OPERATOR_PASSPHRASE);
            ObjectNode bad = (ObjectNode) JsonHttp.JSON.readTree(HOUSEHOLD);
            ((ObjectNode) bad.at("/members/0")).put("sex", "X").put("nationality", "ZZZ");
            JsonHttp.Response rejected = kiosk.post("/api/households", bad.toString());

            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.body().at("/error/problems").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("members[0].sex", "members[0].nationality");
            assertThat(rejected.body().toString()).doesNotContain("نورهان");
            assertThat(kiosk.get("/api/status").body().get("totalEvents").asInt()).isZero();
        }
    }
}
