package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/search} over HTTP: a name in one script finds it written in another, a date of birth, an age or a
 * token narrows it; each caller finds only the households the access policy lets them see, each shown as a token
 * lookup shows it and logged; a merged household is found as its survivor; bad queries are refused in the caller's
 * language. {@code OnPostgres} runs it on PostgreSQL.
 */
class SearchApiTest extends DuplicateScenario {
    @Test
    void aNameInLatinLettersFindsTheHouseholdRegisteredInArabicAndTheOneInLatin() {
        HubClient.Response latin = search("name=Nourhan+Zoubi", HubFixture.OFFICER);
        HubClient.Response arabic = search("name=" + encode(TestKiosk.ARABIC_GIVEN_NAME), HubFixture.OFFICER);

        assertThat(latin.status()).isEqualTo(200);
        assertThat(ids(latin)).containsExactlyInAnyOrder(first(), second());
        assertThat(ids(arabic)).containsExactlyInAnyOrder(first(), second());
        assertThat(latin.json().get("more").asBoolean()).isFalse();
        assertThat(hub.rows("SELECT outcome, household_id FROM access_log WHERE action = 'search' AND username = ?",
                HubFixture.OFFICER)).hasSize(4).allMatch(row -> row.get(0).equals("FOUND"));
    }

    @Test
    void aDateOfBirthAnAgeOrATokenNarrowsTheSearch() {
        String card = twin.token().id().shortCode();

        assertThat(ids(search("birthDate=1990-03-01", HubFixture.OFFICER))).containsExactlyInAnyOrder(first(),
                second());
        assertThat(ids(search("name=Nourhan&age=36", HubFixture.OFFICER))).containsExactlyInAnyOrder(first(),
                second());
        assertThat(ids(search("name=Nourhan&age=20", HubFixture.OFFICER))).isEmpty();
        assertThat(ids(search("token=" + card, HubFixture.OFFICER))).containsExactly(second());
        assertThat(ids(search("name=Amina&token=" + card, HubFixture.OFFICER))).isEmpty();
        assertThat(hub.rows("SELECT outcome FROM access_log WHERE action = 'search' AND household_id IS NULL"))
                .containsExactly(List.of("NOT_FOUND"), List.of("NOT_FOUND"));
    }

    @Test
    void eachCallerFindsOnlyWhatThePolicyLetsThemSeeAndNoNeedOfAnotherService() {
        HubClient.Response health = search("name=Nourhan", "cw-health");
        HubClient.Response gbv = search("name=Nourhan", "cw-gbv");
        HubClient.Response dpo = search("name=Nourhan", "dpo");

        // Both households are referred to health; only the first to GBV.
        assertThat(health.json().get("households")).hasSize(2);
        assertThat(health.body()).doesNotContain(TestKiosk.SENSITIVE_NEED, "SV-");
        assertThat(gbv.json().get("households")).hasSize(1);
        assertThat(gbv.json().get("households").get(0).get("referrals").get(0).get("service").asText())
                .isEqualTo("gbv");
        assertThat(dpo.status()).isEqualTo(403);
        assertThat(dpo.body()).doesNotContain("Nourhan");
    }

    @Test
    void aMergedHouseholdIsFoundOnceAsItsSurvivor() {
        String id = onlyPair().get("id").asText();
        assertThat(post("/api/duplicates/" + id + "/merge", merge(first(), second()), "supervisor-health")
                .status()).isEqualTo(200);

        HubClient.Response found = search("name=Nourhan", "cw-health");

        assertThat(found.json().get("households")).hasSize(1);
        assertThat(found.json().get("households").get(0).get("referrals")).hasSize(2);
    }

    @Test
    void aQueryThatDoesNotReadIsRefusedInTheCallersLanguageAndLoggedWithoutWhatWasTyped() {
        HubClient.Response empty = search("", HubFixture.OFFICER);
        HubClient.Response age = search("name=Nourhan&age=old", HubFixture.OFFICER);
        HubClient.Response ageFr = search("name=Nourhan&age=old&lang=fr", HubFixture.OFFICER);
        HubClient.Response date = search("birthDate=01/03/1990&lang=ar", HubFixture.OFFICER);
        HubClient.Response token = search("token=NOT-A-CODE", HubFixture.OFFICER);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.reason()).isEqualTo("INVALID_QUERY");
        assertThat(age.json().at("/error/message").asText()).contains("130");
        assertThat(ageFr.json().at("/error/message").asText()).contains("années");
        assertThat(date.json().at("/error/message").asText()).contains("تاريخ الميلاد");
        assertThat(token.status()).isEqualTo(400);
        List<String> logged = new ArrayList<>();
        hub.rows("SELECT outcome FROM access_log WHERE action = 'search'").forEach(row -> logged.add((String) row
                .get(0)));
        assertThat(logged).hasSize(5).allMatch(outcome -> !outcome.contains("Nourhan") && !outcome.equals("FOUND"));
    }

    private HubClient.Response search(String query, String username) {
        return get("/api/search?" + query, username);
    }

    private static List<String> ids(HubClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode household : response.json().get("households")) {
            ids.add(household.path("householdId").asText(null));
        }
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
