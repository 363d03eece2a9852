package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * The DPO's request and retention pages over HTTP on a real store: find a person by name in either script, see
 * everything held (the household whole, its referrals, the access log about it), download and print it, restrict,
 * lift, correct and erase it (after a confirm step), each with a typed reason, refusals on the page in the DPO's
 * language; and the retention job's dry run and run. {@code OnPostgres} runs it on PostgreSQL.
 */
class DsrPagesTest extends ReferralScenario {
    private static final String FORM = "application/x-www-form-urlencoded";

    private String code;
    private String dpo;

    @BeforeEach
    void signInTheDpo() {
        hub.server().services().accounts().add("dpo", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
        code = household.token().id().shortCode();
        dpo = "threshold_session=" + client.sessionToken("dpo");
    }

    @Test
    void theDpoFindsThePersonInEitherScriptAndSeesEverythingHeldOnThem() {
        HubClient.Response latin = page("/dpo/requests?name=Nourhan");
        HubClient.Response arabic = page("/dpo/requests?name=" + encode(TestKiosk.ARABIC_GIVEN_NAME) + "&lang=ar");
        HubClient.Response nobody = page("/dpo/requests?name=Zzyzx");
        HubClient.Response badDate = page("/dpo/requests?birthDate=yesterday&lang=fr");
        HubClient.Response held = page("/dpo/household/" + code);
        HubClient.Response json = page("/dpo/household/" + code + "/export.json");
        HubClient.Response printed = page("/dpo/household/" + code + "/export?lang=ar");

        assertThat(latin.status()).isEqualTo(200);
        assertThat(latin.body()).contains("href=\"/dpo/household/" + code + "\"", TestKiosk.ARABIC_GIVEN_NAME,
                "href=\"/dpo/requests\"", "href=\"/dpo/retention\"");
        assertThat(arabic.body()).contains("dir=\"rtl\"", "href=\"/dpo/household/" + code + "\"",
                "طلبات أصحاب البيانات");
        assertThat(nobody.body()).doesNotContain("/dpo/household/");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("class=\"problem\"", "AAAA-MM-JJ");
        assertThat(held.status()).isEqualTo(200);
        // The DPO sees it whole, sensitive codes included: the person is entitled to all of it.
        assertThat(held.body()).contains(TestKiosk.ARABIC_GIVEN_NAME, TestKiosk.SENSITIVE_NEED, "health", "gbv",
                "Processing is not restricted", "dsr-search", "dsr-export", "action=\"/dpo/household/" + code
                        + "/restrict\"", "action=\"/dpo/household/" + code + "/erase\"");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Disposition")).startsWith("attachment");
        assertThat(json.json().at("/household/members/0/givenName").asText()).isEqualTo(TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(json.json().get("referrals")).hasSize(2);
        assertThat(printed.body()).contains("lang=\"ar\"", "dir=\"rtl\"", TestKiosk.ARABIC_GIVEN_NAME)
                .doesNotContain("<nav");
        assertThat(hub.rows("SELECT action FROM access_log WHERE action = 'dsr-export'")).hasSize(3);
    }

    @Test
    void aRestrictionMadeOnThePageShowsOnItAndOnThePrintedExportWithItsReasonUntilLifted() {
        HubClient.Response blank = post("/dpo/household/" + code + "/restrict?lang=fr", "reason=+++");
        HubClient.Response restricted = post("/dpo/household/" + code + "/restrict", "reason=DSR-2026-031");
        HubClient.Response shown = page("/dpo/household/" + code + "?done=restricted");
        HubClient.Response again = post("/dpo/household/" + code + "/restrict", "reason=DSR-2026-031");
        HubClient.Response printed = page("/dpo/household/" + code + "/export?lang=en");
        String caseworker = client.lookUp(code, session("cw-health")).reason();
        HubClient.Response lifted = post("/dpo/household/" + code + "/lift", "reason=DSR-2026-031+closed");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("Indiquez pourquoi");
        assertThat(restricted.status()).isEqualTo(303);
        assertThat(restricted.header("Location")).isEqualTo("/dpo/household/" + code + "?done=restricted");
        assertThat(shown.body()).contains("Processing restricted since", "by dpo: DSR-2026-031",
                "action=\"/dpo/household/" + code + "/lift\"", "its referrals are suspended");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already restricted");
        assertThat(printed.body()).contains("role=\"alert\"", "the processing of this data has been restricted since",
                "DSR-2026-031");
        assertThat(caseworker).isEqualTo("RESTRICTED");
        assertThat(lifted.status()).isEqualTo(303);
        assertThat(page("/dpo/household/" + code).body()).contains("Processing is not restricted");
        assertThat(page("/dpo/household/" + code + "/export").body()).doesNotContain("role=\"alert\"");
    }

    @Test
    void aCorrectionOnThePageIsValidatedAndAMistakeKeepsWhatWasTyped() {
        String before = page("/dpo/household/" + code + "/export.json").json().get("household").toString();
        String corrected = before.replace(TestKiosk.ARABIC_FAMILY_NAME, "الزعبية");

        HubClient.Response notJson = post("/dpo/household/" + code + "/correct?lang=fr", "reason=DSR-7&household="
                + encode("{\"members\": ["));
        HubClient.Response invalid = post("/dpo/household/" + code + "/correct", "reason=DSR-7&household="
                + encode("{\"members\": []}"));
        HubClient.Response done = post("/dpo/household/" + code + "/correct", "reason=DSR-7&household="
                + encode(corrected));

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).contains("pas du JSON", "{\"members\": [");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("members", "{\"members\": []}");
        assertThat(done.status()).as(done.body()).isEqualTo(303);
        HubClient.Response after = page("/dpo/household/" + code + "?done=corrected");
        assertThat(after.body()).contains("Household corrected", "الزعبية", "familyName");
    }

    @Test
    void erasingAsksToConfirmFirstAndThenTheHouseholdIsGoneWithItsRestrictionAndReason() {
        post("/dpo/household/" + code + "/restrict", "reason=DSR-2026-039");
        HubClient.Response asked = post("/dpo/household/" + code + "/erase", "reason=DSR-2026-040");
        HubClient.Response stillThere = page("/dpo/household/" + code);
        HubClient.Response erased = post("/dpo/household/" + code + "/erase", "reason=DSR-2026-040&confirm=yes");
        HubClient.Response after = page("/dpo/requests?done=erased");
        HubClient.Response gone = page("/dpo/household/" + code);

        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("Erase this household for good?", "name=\"confirm\" value=\"yes\"",
                "DSR-2026-040");
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(erased.status()).isEqualTo(303);
        assertThat(after.body()).contains("The household was erased");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).contains("erased at the person").doesNotContain(TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(hub.rows("SELECT outcome FROM access_log WHERE action = 'dsr-erase'")).hasSize(1);
        // The DPO's typed reason goes with the household: nothing is left to restrict.
        assertThat(hub.count("household_restrictions")).isZero();
    }

    @Test
    void theRetentionPageShowsTheDryRunAndRunsTheJob() {
        HubClient.Response now = page("/dpo/retention");
        hub.clock.advance(Duration.ofDays(1827));
        dpo = "threshold_session=" + client.sessionToken("dpo");
        HubClient.Response later = page("/dpo/retention?lang=fr");
        String householdId = later.body().replaceAll("(?s).*<table id=\"households\">.*?<td>([0-9a-f-]{36})</td>.*",
                "$1");
        HubClient.Response ran = post("/dpo/retention/run", "");

        assertThat(now.body()).contains("Closed referrals are kept 730 days, households without activity 1,826 days",
                "nothing to do", "action=\"/dpo/retention/run\"");
        assertThat(later.body()).contains("Ménages à effacer");
        assertThat(householdId).hasSize(36);
        assertThat(ran.status()).isEqualTo(200);
        assertThat(ran.body()).contains("1 household(s) erased").doesNotContain(householdId);
        assertThat(hub.rows("SELECT action FROM access_log WHERE action IN ('retention-plan', 'retention-run')"))
                .hasSize(4);
    }

    private HubClient.Response page(String path) {
        return client.get(path, "Cookie", dpo);
    }

    private HubClient.Response post(String path, String form) {
        return client.post(path, form.getBytes(StandardCharsets.UTF_8), "Cookie", dpo, "Content-Type", FORM);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
