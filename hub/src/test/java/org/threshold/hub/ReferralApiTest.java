package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.web.account.SessionAuth;

/**
 * The referral API as a black box over HTTP: queues and single referrals, each caller seeing only their services'
 * referrals and of them only what the service's field profile allows, every household shown in the access log.
 * {@code OnPostgres} runs it on PostgreSQL.
 */
class ReferralApiTest extends ReferralScenario {
    @Test
    void aCaseworkersQueueHoldsOnlyTheirServicesReferralsInTheIssuesShapeWithoutAnotherServicesCodes() {
        HubClient.Response queue = get("/api/referrals", "cw-health");

        assertThat(queue.status()).isEqualTo(200);
        JsonNode referrals = queue.json().get("referrals");
        assertThat(referrals).hasSize(1);
        JsonNode referral = referrals.get(0);
        assertThat(referral.get("id").asText()).isEqualTo(health.id().toString());
        assertThat(referral.get("service").asText()).isEqualTo("health");
        assertThat(referral.get("status").asText()).isEqualTo("SENT");
        assertThat(referral.get("urgency").asText()).isEqualTo("urgent");
        assertThat(referral.get("dueAt").asText()).isEqualTo(health.request().dueAt().toString());
        assertThat(referral.get("basis").asText()).isEqualTo("consent");
        assertThat(referral.get("token").asText()).isEqualTo(household.token().id().shortCode());
        JsonNode person = referral.get("people").get(0);
        assertThat(person.get("givenName").asText()).isEqualTo(TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(person.has("familyName")).isTrue();
        assertThat(person.has("sex")).isTrue();
        assertThat(person.has("birthDate")).isTrue();
        assertThat(person.get("needs")).isEmpty();
        // Only the referred member: health sees the referred people, not the household.
        assertThat(referral.get("people")).hasSize(1);
        assertThat(queue.body()).doesNotContain("\"SV-", "\"TR-", TestKiosk.OPEN_NEED);
        assertThat(queue.json().has("next")).isFalse();
        assertThat(hub.rows("SELECT username, action, outcome, household_id FROM access_log WHERE action = ?",
                "referral-queue")).containsExactly(Arrays.asList("cw-health", "referral-queue", "FOUND", null));
    }

    @Test
    void theDpoFindsAQueuePageAmongTheReadsOfEachHouseholdItShowed() {
        hub.server().services().accounts().add("dpo", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
        get("/api/referrals", "cw-health");
        get("/api/referrals/" + health.id(), "cw-health");

        JsonNode reads = get("/api/audit?account=cw-health&household=" + household.payload().householdId(), "dpo")
                .json().get("records");
        HubClient.Response page = client.get("/dpo/household/" + household.token().id().shortCode(), "Cookie",
                SessionAuth.COOKIE + "=" + session("dpo"));

        assertThat(reads).hasSize(2);
        assertThat(reads.get(0).get("action").asText()).isEqualTo("referral-read");
        assertThat(reads.get(0).get("householdId").asText()).isEqualTo(household.payload().householdId().toString());
        JsonNode queue = reads.get(1);
        assertThat(queue.get("action").asText()).isEqualTo("referral-queue");
        assertThat(queue.get("account").asText()).isEqualTo("cw-health");
        assertThat(queue.get("chained").asBoolean()).isTrue();
        assertThat(queue.has("householdId")).isFalse();
        assertThat(queue.get("households")).singleElement().satisfies(named -> {
            assertThat(named.get("householdId").asText()).isEqualTo(household.payload().householdId().toString());
            assertThat(named.get("purpose").asText()).isEqualTo("health");
        });
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("referral-queue", "referral-read");
        JsonNode chain = client.post("/api/audit/verify", new byte[0], "Authorization", "Bearer " + session("dpo")).json();
        assertThat(chain.get("chain").get("intact").asBoolean()).isTrue();
    }

    @Test
    void theGbvCaseworkerAndAProtectionOfficerSeeTheGbvReferralWithItsCode() {
        JsonNode caseworker = get("/api/referrals?service=gbv", "cw-gbv").json().get("referrals");
        JsonNode officer = get("/api/referrals", HubFixture.OFFICER).json().get("referrals");

        assertThat(caseworker).hasSize(1);
        assertThat(caseworker.get(0).get("people").get(0).get("needs").toString())
                .contains(TestKiosk.SENSITIVE_NEED);
        assertThat(caseworker.get(0).get("overdue").asBoolean()).isFalse();
        // The officer serves gbv, child-protection and legal: the GBV referral only.
        assertThat(officer).hasSize(1);
        assertThat(officer.get(0).get("id").asText()).isEqualTo(gbv.id().toString());
    }

    @Test
    void anotherServicesQueueOrReferralIsRefusedAndBadFiltersAreInvalid() {
        HubClient.Response otherQueue = get("/api/referrals?service=gbv", "cw-health");
        HubClient.Response otherReferral = get("/api/referrals/" + gbv.id(), "cw-health");
        HubClient.Response unknownService = get("/api/referrals?service=helth", "cw-health");
        HubClient.Response badStatus = get("/api/referrals?status=OPEN", "cw-health");
        HubClient.Response badCursor = get("/api/referrals?after=yesterday", "cw-health");
        HubClient.Response french = get("/api/referrals?service=gbv&lang=fr", "cw-health");

        assertThat(otherQueue.status()).isEqualTo(403);
        assertThat(otherQueue.reason()).isEqualTo("NOT_YOUR_SERVICE");
        assertThat(otherReferral.status()).isEqualTo(404);
        assertThat(otherReferral.body()).doesNotContain(TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(unknownService.reason()).isEqualTo("UNKNOWN_SERVICE");
        assertThat(badStatus.reason()).isEqualTo("UNKNOWN_STATUS");
        assertThat(badCursor.reason()).isEqualTo("INVALID_CURSOR");
        assertThat(french.json().path("error").path("message").asText()).isNotEqualTo(otherQueue.json()
                .path("error").path("message").asText());
        assertThat(hub.rows("SELECT action FROM access_log WHERE username = ?", "cw-health")).isEmpty();
    }

    @Test
    void aQueueIsReadPageByPageWithoutRepeatsUpToTheCap() {
        List<SignedEvent> more = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            more.add(hub.kiosk.refer(household, "health", Urgency.PRIORITY, LegalBasis.CONSENT, "SM-CI").event());
        }
        sync(more.toArray(SignedEvent[]::new));

        List<String> seen = new ArrayList<>();
        String path = "/api/referrals?service=health&status=SENT&limit=2";
        int pages = 0;
        for (String after = ""; after != null && pages < 10; pages++) {
            JsonNode page = get(path + after, "supervisor-health").json();
            page.get("referrals").forEach(referral -> seen.add(referral.get("id").asText()));
            after = page.has("next") ? "&after=" + page.get("next").asText() : null;
        }

        assertThat(seen).hasSize(5).doesNotHaveDuplicates().startsWith(health.id().toString());
        assertThat(pages).isEqualTo(3);
        assertThat(get("/api/referrals?limit=999", "cw-health").json().get("referrals")).hasSize(5);
    }

    @Test
    void aReferralIsInTheQueueAndReadableAsSoonAsItsSyncIsAnswered() {
        // Synced without the lookup sync() makes, and signed in before: nothing gives the background projector time.
        session("cw-health");
        TestKiosk.Referral listed = hub.kiosk.refer(household, "health", Urgency.PRIORITY, LegalBasis.CONSENT, "SM-CI");
        assertThat(client.sync("KIOSK-01", List.of(listed.event())).status()).isEqualTo(200);
        JsonNode queue = get("/api/referrals?service=health", "cw-health").json().get("referrals");
        TestKiosk.Referral read = hub.kiosk.refer(household, "health", Urgency.PRIORITY, LegalBasis.CONSENT, "SM-CI");
        assertThat(client.sync("KIOSK-01", List.of(read.event())).status()).isEqualTo(200);
        HubClient.Response shown = get("/api/referrals/" + read.id(), "cw-health");

        assertThat(queue.findValuesAsText("id")).contains(listed.id().toString());
        assertThat(shown.status()).isEqualTo(200);
    }

    @Test
    void oneReferralComesWithItsHistory() {
        HubClient.Response shown = get("/api/referrals/" + health.id(), "cw-health");

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("id").asText()).isEqualTo(health.id().toString());
        assertThat(shown.json().get("history")).hasSize(1);
        assertThat(shown.json().get("history").get(0).get("type").asText()).isEqualTo("ReferralRequested");
        assertThat(shown.body()).doesNotContain("\"SV-");
        assertThat(hub.rows("SELECT action FROM access_log WHERE username = ?", "cw-health"))
                .containsExactly(List.of("referral-read"));
    }

    @Test
    void aCaseworkersTokenScanShowsTheHouseholdsReferralsToTheirServicesOnly() {
        HubClient.Response health = client.lookUp(household.token().id().shortCode(), session("cw-health"));
        HubClient.Response gbvScan = client.lookUp(household.token().id().shortCode(), session("cw-gbv"));

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("referrals")).hasSize(1);
        assertThat(health.json().get("referrals").get(0).get("service").asText()).isEqualTo("health");
        assertThat(health.json().get("referrals").get(0).get("people").get(0).get("givenName").asText())
                .isEqualTo(TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(health.body()).doesNotContain("\"SV-", "\"TR-", TestKiosk.OPEN_NEED);
        assertThat(gbvScan.json().get("referrals").get(0).get("service").asText()).isEqualTo("gbv");
        assertThat(gbvScan.body()).contains(TestKiosk.SENSITIVE_NEED);
        assertThat(hub.rows("SELECT action FROM access_log WHERE username = ?", "cw-health"))
                .containsExactly(List.of("token-lookup"));
    }
}
