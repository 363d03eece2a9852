package org.threshold.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.qr.QrCodes;
import org.threshold.core.token.IssuedToken;

/**
 * The contracts issues 9, 11 and 12 name, scripted as an outside check scripts them, against one running demo (real
 * SQLite files, real HTTP): the spine (a card printed at the kiosk, decoded to its signed token, found at the hub),
 * the demo accounts, referrals made at the kiosk and worked at the hub, need-to-know, the
 * refusals (each in English, French and Arabic, changing nothing), the reports with their HXL row, data-subject
 * requests and the access log. docs/api.md is the longer contract; this is what the issues promise outright.
 */
class IssueContractsTest {
    private static final List<String> LANGUAGES = List.of("en", "fr", "ar");
    private static final Map<String, String> ROLES = Map.of("admin", "ADMIN", "cw-health", "CASEWORKER", "cw-child",
            "CASEWORKER", "cw-gbv", "CASEWORKER", "cw-legal", "CASEWORKER", "supervisor-health", "SUPERVISOR",
            "protection", "PROTECTION_OFFICER", "dpo", "DPO");
    private static final Map<String, Set<String>> SERVICES = Map.of("admin", Set.of(), "cw-health", Set.of("health"),
            "cw-child", Set.of("child-protection"), "cw-gbv", Set.of("gbv"), "cw-legal", Set.of("legal"),
            "supervisor-health", Set.of("health"), "protection", Set.of("gbv", "child-protection", "legal"),
            "dpo", Set.of());

    @TempDir
    static Path data;
    private static RunningDemo demo;
    private static final Map<String, JsonHttp> HUB = new HashMap<>();
    /** Registered with only the health referral confirmed by the operator. */
    private static String healthOnly;
    /** Registered without a "referrals" list: every suggested referral is made. */
    private static String everySuggested;
    /** Restricted and erased by the DPO's test. */
    private static String erasable;

    @BeforeAll
    static void registerThreeHouseholdsAtTheKioskAndSync() throws Exception {
        demo = RunningDemo.start(data, 0, 0);
        JsonHttp kiosk = new JsonHttp(demo.kioskUrl())
                .login("/api/session", "operator", RunningDemo.OPERATOR, "passphrase", RunningDemo.OPERATOR_PASSPHRASE);
        healthOnly = register(kiosk, household("Amina", List.of("health")));
        everySuggested = register(kiosk, household("Layla", null));
        erasable = register(kiosk, household("Rana", null));
        JsonHttp.Response sync = kiosk.post("/api/sync", "{}");
        assertThat(sync.body().get("pendingEvents").asInt()).as(String.valueOf(sync.body())).isZero();
        for (String account : ROLES.keySet()) {
            HUB.put(account, new JsonHttp(demo.hubUrl()).login("/api/login", "username", account, "password",
                    RunningDemo.ADMIN_PASSWORD));
        }
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    /**
     * EndToEndTest's household with needs for health (SM-CC), GBV (SV-VA) and legal (LP-RR), and a child's for child
     * protection (SC-SC).
     */
    private static String household(String givenName, List<String> confirmed) throws Exception {
        ObjectNode household = (ObjectNode) JsonHttp.JSON.readTree(EndToEndTest.HOUSEHOLD);
        ObjectNode focal = (ObjectNode) household.at("/members/0");
        focal.put("givenName", givenName).remove("givenNameLatin");
        focal.putArray("needs").add("SM-CC").add("SV-VA").add("LP-RR");
        ((ObjectNode) household.at("/members/1")).putArray("needs").add("SC-SC");
        if (confirmed != null) {
            ArrayNode referrals = household.putArray("referrals");
            confirmed.forEach(service -> referrals.addObject().put("service", service));
        }
        return household.toString();
    }

    private static String register(JsonHttp kiosk, String household) throws Exception {
        JsonHttp.Response registered = kiosk.post("/api/households", household);
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        return registered.body().at("/token/code").asText();
    }

    private static List<String> services(JsonNode referrals) {
        List<String> services = new ArrayList<>();
        referrals.forEach(referral -> services.add(referral.get("service").asText()));
        return services;
    }

    @Test
    void aRegisteredHouseholdsCardDecodesToItsSignedTokenAndTheHubFindsItByCodeOrQr() throws Exception {
        JsonHttp kiosk = new JsonHttp(demo.kioskUrl())
                .login("/api/session", "operator", RunningDemo.OPERATOR, "passphrase", RunningDemo.OPERATOR_PASSPHRASE);
        JsonHttp.Response registered = kiosk.post("/api/households", EndToEndTest.HOUSEHOLD);
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        String code = registered.body().at("/token/code").asText();
        String qr = registered.body().at("/token/qr").asText();

        // The printed card decodes to the token, and the token carries the kiosk's signature.
        String decoded = QrCodes.decode(ImageIO.read(Path.of(registered.body().get("card").asText()).toFile()));
        assertThat(decoded).isEqualTo(qr);
        KeyPairFile kioskKey = JsonHttp.JSON.readValue(data.resolve("kiosk/kiosk-key.json").toFile(), KeyPairFile.class);
        assertThat(IssuedToken.parseQr(decoded).signedBy(kioskKey.signingKey().verifyingKey())).isTrue();

        JsonHttp.Response sync = kiosk.post("/api/sync", "{}");
        assertThat(sync.status()).isEqualTo(200);
        assertThat(sync.body().get("pendingEvents").asInt()).isZero();
        for (String token : List.of(code, code.toLowerCase().replace("-", ""), JsonHttp.encode(qr))) {
            JsonHttp.Response found = HUB.get("protection").get("/api/tokens/" + token);
            assertThat(found.status()).as(token).isEqualTo(200);
            assertThat(found.body().at("/household/members/0/givenName").asText()).isEqualTo("نورهان");
            assertThat(found.body().at("/token/code").asText()).isEqualTo(code);
        }
    }

    @Test
    void everyDemoAccountSignsInWithItsRoleAndServices() throws Exception {
        for (String account : ROLES.keySet()) {
            JsonNode me = HUB.get(account).get("/api/me").body();
            Set<String> services = new HashSet<>();
            me.get("services").forEach(service -> services.add(service.asText()));

            assertThat(me.get("role").asText()).as(account).isEqualTo(ROLES.get(account));
            assertThat(services).as(account).isEqualTo(SERVICES.get(account));
        }
    }

    @Test
    void theKioskMakesOnlyTheConfirmedReferralsAndWithoutAListEverySuggestedOne() throws Exception {
        JsonNode confirmed = HUB.get("protection").get("/api/tokens/" + healthOnly).body();
        JsonNode childScan = HUB.get("cw-child").get("/api/tokens/" + healthOnly).body();
        JsonNode healthScan = HUB.get("cw-health").get("/api/tokens/" + healthOnly).body();

        assertThat(confirmed.at("/household/members/0/givenName").asText()).isEqualTo("Amina");
        assertThat(childScan.get("referrals")).isEmpty();
        assertThat(childScan.has("household")).isFalse();
        assertThat(services(healthScan.get("referrals"))).containsExactly("health");
        for (String account : List.of("cw-health", "cw-child", "cw-gbv", "cw-legal")) {
            assertThat(services(HUB.get(account).get("/api/tokens/" + everySuggested).body().get("referrals")))
                    .as(account).containsExactly(account.equals("cw-child") ? "child-protection"
                            : account.substring(3));
        }
    }

    @Test
    void aQueueHasTheIssuesShapeAndAHealthCaseworkerNeverSeesAnSvCode() throws Exception {
        JsonNode health = HUB.get("cw-health").get("/api/referrals").body();
        JsonNode gbv = HUB.get("cw-gbv").get("/api/referrals?service=gbv&status=SENT").body();

        assertThat(health.get("referrals")).isNotEmpty();
        for (JsonNode referral : health.get("referrals")) {
            assertThat(referral.fieldNames()).toIterable().contains("id", "service", "status", "urgency", "dueAt",
                    "basis", "token", "people");
            assertThat(referral.get("service").asText()).isEqualTo("health");
            assertThat(referral.at("/people/0").fieldNames()).toIterable().contains("givenName", "familyName", "sex",
                    "birthDate", "needs");
        }
        assertThat(health.toString()).doesNotContain("SV-");
        assertThat(gbv.toString()).contains("\"SV-VA\"").doesNotContain("SM-CC");
    }

    @Test
    void aRefusedChangeSaysWhyInTheCallersLanguageAndChangesNothing() throws Exception {
        String referral = "/api/referrals/" + HUB.get("cw-health").get("/api/tokens/" + everySuggested).body()
                .at("/referrals/0/id").asText();
        record Refused(String account, String path, String body, int status, String reason) {
        }
        List<Refused> refusals = List.of(
                new Refused("cw-child", referral + "/transitions", "{\"status\":\"ACCEPTED\"}", 403, "NOT_YOUR_SERVICE"),
                new Refused("cw-health", referral + "/transitions", "{\"status\":\"CLOSED\"}", 409,
                        "INVALID_TRANSITION"),
                new Refused("cw-health", referral + "/transitions", "{\"status\":\"DECLINED\"}", 400, "REASON_REQUIRED"),
                new Refused("cw-health", referral + "/transitions", "{\"status\":\"DONE\"}", 400, "UNKNOWN_STATUS"),
                new Refused("cw-health", referral + "/transitions", "{\"status\":", 400, "MALFORMED_JSON"),
                new Refused("cw-health", referral + "/reassign", "{\"service\":\"mhpss\",\"reason\":\"x\"}", 403,
                        "FORBIDDEN"),
                new Refused("supervisor-health", referral + "/reassign", "{\"service\":\"gbv\",\"reason\":\"x\"}", 422,
                        "PERSONAL_CONSENT_REQUIRED"),
                new Refused("cw-health", "/api/tokens/" + everySuggested.substring(0, 5), null, 400, "MALFORMED"),
                new Refused("cw-health", "/api/dsr/export?token=" + everySuggested, null, 403, "FORBIDDEN"),
                new Refused("dpo", "/api/tokens/" + everySuggested, null, 403, "FORBIDDEN"));

        for (Refused refused : refusals) {
            Set<String> messages = new HashSet<>();
            for (String language : LANGUAGES) {
                JsonHttp caller = HUB.get(refused.account()).speaking(language);
                JsonHttp.Response answer = refused.body() == null ? caller.get(refused.path())
                        : caller.post(refused.path(), refused.body());
                assertThat(answer.status()).as("%s %s", refused, answer.body()).isEqualTo(refused.status());
                assertThat(answer.body().at("/error/reason").asText()).as(refused.toString())
                        .isEqualTo(refused.reason());
                messages.add(answer.body().at("/error/message").asText());
            }
            assertThat(messages).as("%s: one message per language", refused).hasSize(LANGUAGES.size());
        }
        JsonNode after = HUB.get("cw-health").get(referral).body();
        assertThat(after.get("status").asText()).isEqualTo("SENT");
        assertThat(after.get("history")).hasSize(1);

        JsonNode accepted = HUB.get("cw-health").post(referral + "/transitions",
                "{\"status\":\"ACCEPTED\",\"note\":\"Seen at the desk\"}").body();
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(HUB.get("cw-health").post(referral + "/notes", "{\"text\":\"Called back\"}").body().get("history"))
                .hasSize(accepted.get("history").size() + 1);
    }

    @Test
    void reportsComeAsCsvWithAnHxlRowAndAsJson() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String window = "?from=" + today.minusDays(30) + "&to=" + today + "&site=" + JsonHttp.encode(RunningDemo.SITE);
        for (String report : List.of("arrivals", "age-sex", "needs", "referrals")) {
            HttpResponse<String> csv = HUB.get("dpo").getText("/api/reports/" + report + ".csv" + window);
            JsonHttp.Response json = HUB.get("supervisor-health").get("/api/reports/" + report + ".json" + window);

            assertThat(csv.statusCode()).as(report).isEqualTo(200);
            String[] lines = csv.body().split("\r\n");
            assertThat(lines[1].split(",", -1)).as(report).allMatch(tag -> tag.startsWith("#"));
            assertThat(lines[1].split(",", -1)).hasSameSizeAs(lines[0].split(",", -1));
            assertThat(json.status()).as(report).isEqualTo(200);
            assertThat(json.body().get("report").asText()).isEqualTo(report);
            assertThat(json.body().get("columns").findValuesAsText("hxl")).allMatch(tag -> tag.startsWith("#"));
            assertThat(HUB.get("cw-health").getText("/api/reports/" + report + ".csv").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void theDpoFindsExportsRestrictsAndErasesAHouseholdWhichThenAnswersErased() throws Exception {
        JsonHttp dpo = HUB.get("dpo");
        String request = "{\"token\":\"" + erasable + "\",\"reason\":\"DSR-2026-0042\"}";
        JsonNode found = dpo.get("/api/dsr/search?name=Rana").body();
        JsonNode exported = dpo.get("/api/dsr/export?token=" + erasable).body();
        assertThat(found.get("households")).hasSize(1);
        assertThat(found.at("/households/0/token/code").asText()).isEqualTo(erasable);
        assertThat(exported.at("/household/members/0/givenName").asText()).isEqualTo("Rana");

        assertThat(dpo.post("/api/dsr/restrict", request).status()).isEqualTo(200);
        JsonHttp.Response restricted = HUB.get("cw-health").get("/api/tokens/" + erasable);
        assertThat(restricted.status()).isEqualTo(403);
        assertThat(restricted.body().at("/error/reason").asText()).isEqualTo("RESTRICTED");

        JsonHttp.Response erased = dpo.post("/api/dsr/erase", request);
        assertThat(erased.status()).as(String.valueOf(erased.body())).isEqualTo(200);
        assertThat(erased.body().fieldNames()).toIterable().contains("householdId", "erasedAt", "eventsRedacted",
                "referralsRedacted");
        for (JsonHttp.Response gone : List.of(HUB.get("protection").get("/api/tokens/" + erasable),
                dpo.get("/api/dsr/export?token=" + erasable), dpo.post("/api/dsr/erase", request))) {
            assertThat(gone.status()).isEqualTo(410);
            assertThat(gone.body().at("/error/reason").asText()).isEqualTo("ERASED");
        }
        assertThat(dpo.get("/api/dsr/search?name=Rana").body().get("households")).isEmpty();
    }

    @Test
    void onlyTheDpoReadsTheAccessLog() throws Exception {
        JsonHttp.Response log = HUB.get("dpo").get("/api/audit?limit=5");

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().get("records")).isNotEmpty();
        for (String account : ROLES.keySet()) {
            if (!account.equals("dpo")) {
                assertThat(HUB.get(account).get("/api/audit").status()).as(account).isEqualTo(403);
            }
        }
    }
}
