package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.threshold.core.event.EventType;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;

/**
 * The duplicate queue over HTTP: found across kiosks and scripts as the hub projects, listed to supervisors and
 * protection officers without naming anyone, shown with who the people are but never a need, merged (the merged card
 * then opens the survivor, with every referral) and unmerged exactly, or dismissed; each decision a hub event on the
 * chain; bad input refused in the caller's language. {@code OnPostgres} runs it on PostgreSQL.
 */
class DuplicatesApiTest extends DuplicateScenario {
    @Test
    void theSecondRegistrationInAnotherScriptAtAnotherKioskIsQueuedOnceAndTheListNamesNobody() {
        JsonNode pair = onlyPair();

        assertThat(pair.get("status").asText()).isEqualTo("OPEN");
        assertThat(pair.get("score").asInt()).isGreaterThanOrEqualTo(70);
        assertThat(pair.get("reasons").toString()).contains("NAME", "BIRTH_YEAR", "SEX");
        assertThat(List.of(pair.get("householdA").asText(), pair.get("householdB").asText()))
                .containsExactlyInAnyOrder(first(), second());
        HubClient.Response list = get("/api/duplicates", HubFixture.OFFICER);
        assertThat(list.body()).doesNotContain("Nourhan", TestKiosk.ARABIC_GIVEN_NAME, "SV-", "WR-");
        assertThat(hub.count("duplicate_pairs")).isEqualTo(1);
    }

    @Test
    void aPairShowsWhoThePeopleAreButNoNeedAndEachHouseholdReadIsLogged() {
        String id = onlyPair().get("id").asText();

        HubClient.Response shown = get("/api/duplicates/" + id, "supervisor-health");

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains(TestKiosk.ARABIC_GIVEN_NAME, "Nourhan", "1990-03-01")
                .doesNotContain(TestKiosk.SENSITIVE_NEED, TestKiosk.OPEN_NEED, "Aleppo", "\"phone\"");
        assertThat(shown.json().get("households")).hasSize(2);
        assertThat(hub.rows("SELECT username, action, outcome FROM access_log WHERE action = ?", "duplicate-read"))
                .containsExactly(List.of("supervisor-health", "duplicate-read", "FOUND"),
                        List.of("supervisor-health", "duplicate-read", "FOUND"));
    }

    @Test
    void caseworkersTheDpoAndAdminsSeeNoDuplicates() {
        for (String username : List.of("cw-health", "dpo", HubFixture.ADMIN)) {
            HubClient.Response list = get("/api/duplicates", username);
            assertThat(list.status()).as(username).isEqualTo(403);
            assertThat(list.body()).doesNotContain(first());
        }
        String id = onlyPair().get("id").asText();
        HubClient.Response merge = post("/api/duplicates/" + id + "/merge", merge(first(), second()), "cw-health");
        assertThat(merge.status()).isEqualTo(403);
        assertThat(onlyPair().get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aMergeMovesReferralsAndTokensToTheSurvivorAndAnUnmergeGivesBackExactlyWhatItMoved() {
        String id = onlyPair().get("id").asText();
        String twinCard = twin.token().id().shortCode();

        HubClient.Response merged = post("/api/duplicates/" + id + "/merge", merge(first(), second()),
                "supervisor-health");

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("status").asText()).isEqualTo("MERGED");
        assertThat(merged.json().get("decidedBy").asText()).isEqualTo("supervisor-health");
        JsonNode opened = client.lookUp(twinCard, session(HubFixture.OFFICER)).json();
        assertThat(opened.get("householdId").asText()).isEqualTo(first());
        JsonNode health = client.lookUp(twinCard, session("cw-health")).json().get("referrals");
        assertThat(health).extracting(referral -> referral.get("id").asText())
                .containsExactlyInAnyOrder(this.health.id().toString(), twinHealth.id().toString());
        assertThat(referralHouseholds()).containsOnly(first());

        HubClient.Response unmerged = post("/api/duplicates/" + id + "/unmerge", "{}", "supervisor-health");

        assertThat(unmerged.status()).isEqualTo(200);
        assertThat(unmerged.json().get("status").asText()).isEqualTo("OPEN");
        assertThat(unmerged.json().has("decidedBy")).isFalse();
        assertThat(client.lookUp(twinCard, session(HubFixture.OFFICER)).json().get("householdId").asText())
                .isEqualTo(second());
        assertThat(referralHouseholds()).containsExactlyInAnyOrder(first(), first(), second());
        assertThat(hubChain()).extracting(event -> event.header().type())
                .containsExactly(EventType.HOUSEHOLDS_MERGED, EventType.HOUSEHOLDS_UNMERGED);
    }

    @Test
    void aMovedReferralNamesThePersonItWasMadeForWhereverTheSurvivorListsThemAndAnUnmergeRestoresIt() {
        // The family registered a third time, its focal point second this time, and she alone referred to health.
        Member omar = new Member("Omar", "Haddad", null, null, Sex.M, LocalDate.of(1985, 6, 2), false, null, "SYR",
                Relationship.SPOUSE, List.of());
        Member nourhan = new Member("Nourhan", "Al-Zoubi", null, null, Sex.F, LocalDate.of(1990, 3, 1), true, null,
                "SYR", Relationship.FOCAL_POINT, List.of(TestKiosk.OPEN_NEED));
        TestKiosk.Registration third = otherKiosk.register(new Household(LocalDate.of(2026, 11, 25),
                new Origin("SYR", "Aleppo"), List.of("ar"), null, new Consent(true, true), List.of(omar, nourhan)));
        TestKiosk.Referral hers = otherKiosk.refer(third, 1, "health", Urgency.PRIORITY, LegalBasis.CONSENT,
                TestKiosk.OPEN_NEED);
        assertThat(client.sync("KIOSK-02", List.of(third.event(), hers.event())).status()).isEqualTo(200);
        String card = third.token().id().shortCode();
        client.lookUp(card, session(HubFixture.OFFICER));
        String thirdId = third.payload().householdId().toString();
        String pair = pairOf(first(), thirdId);

        assertThat(post("/api/duplicates/" + pair + "/merge", merge(first(), thirdId), "supervisor-health").status())
                .isEqualTo(200);

        // In the survivor's list she is first, and second is a boy of seven.
        assertThat(referredIn(get("/api/referrals/" + hers.id(), "cw-health").json()))
                .containsExactly("0 F 1990-03-01");
        assertThat(referredIn(shown(get("/api/referrals?service=health", "cw-health").json(), hers)))
                .containsExactly("0 F 1990-03-01");
        assertThat(referredIn(shown(client.lookUp(card, session("cw-health")).json(), hers)))
                .containsExactly("0 F 1990-03-01");

        assertThat(post("/api/duplicates/" + pair + "/unmerge", "{}", "supervisor-health").status()).isEqualTo(200);

        JsonNode restored = get("/api/referrals/" + hers.id(), "cw-health").json();
        assertThat(restored.get("token").asText()).isEqualTo(card);
        assertThat(referredIn(restored)).containsExactly("1 F 1990-03-01");
    }

    @Test
    void aMergeLeavesAGbvReferralWithTheRegistrationThatRecordsTheSurvivorsOwnConsent() {
        String id = onlyPair().get("id").asText();

        HubClient.Response merged = post("/api/duplicates/" + id + "/merge", merge(second(), first()),
                "supervisor-health");

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(hub.rows("SELECT service, household_id FROM referrals WHERE referral_id IN (?, ?)",
                health.id().toString(), gbv.id().toString())).containsExactlyInAnyOrder(
                List.of("health", second()), List.of("gbv", first()));
        assertThat(get("/api/referrals/" + gbv.id(), "cw-gbv").json().get("status").asText()).isEqualTo("SENT");

        assertThat(post("/api/duplicates/" + id + "/unmerge", "{}", "supervisor-health").status()).isEqualTo(200);
        assertThat(hub.rows("SELECT household_id FROM referrals WHERE referral_id IN (?, ?)", health.id().toString(),
                gbv.id().toString())).containsOnly(List.of(first()));
    }

    private String pairOf(String one, String other) {
        for (JsonNode pair : get("/api/duplicates", "supervisor-health").json().get("duplicates")) {
            if (List.of(pair.get("householdA").asText(), pair.get("householdB").asText()).containsAll(
                    List.of(one, other))) {
                return pair.get("id").asText();
            }
        }
        throw new AssertionError("no pair of " + one + " and " + other);
    }

    /** The referral among those a queue page or a lookup shows. */
    private static JsonNode shown(JsonNode answer, TestKiosk.Referral referral) {
        for (JsonNode shown : answer.get("referrals")) {
            if (shown.get("id").asText().equals(referral.id().toString())) {
                return shown;
            }
        }
        throw new AssertionError("referral " + referral.id() + " not in " + answer);
    }

    /** Who a referral shows: each person's place in the list, sex and date of birth. */
    private static List<String> referredIn(JsonNode referral) {
        List<String> people = new ArrayList<>();
        referral.get("people").forEach(person -> people.add(person.get("member").asInt() + " "
                + person.path("sex").asText() + " " + person.path("birthDate").asText()));
        return people;
    }

    @Test
    void aDismissalIsAHubEventAndThePairCanNoLongerBeMerged() {
        String id = onlyPair().get("id").asText();

        HubClient.Response dismissed = post("/api/duplicates/" + id + "/dismiss", "", HubFixture.OFFICER);
        HubClient.Response merge = post("/api/duplicates/" + id + "/merge", merge(first(), second()),
                HubFixture.OFFICER);

        assertThat(dismissed.json().get("status").asText()).isEqualTo("NOT_DUPLICATE");
        assertThat(get("/api/duplicates?status=NOT_DUPLICATE", "supervisor-health").json().get("duplicates"))
                .hasSize(1);
        assertThat(get("/api/duplicates", "supervisor-health").json().get("duplicates")).isEmpty();
        assertThat(merge.status()).isEqualTo(409);
        assertThat(merge.reason()).isEqualTo("ALREADY_DISMISSED");
        assertThat(hubChain()).extracting(event -> event.header().type())
                .containsExactly(EventType.DUPLICATE_DISMISSED);
    }

    @Test
    void badInputIsRefusedClearlyInTheCallersLanguageAndChangesNothing() {
        String id = onlyPair().get("id").asText();
        String path = "/api/duplicates/" + id;

        HubClient.Response unknown = post("/api/duplicates/" + UUID.randomUUID() + "/merge",
                merge(first(), second()), "supervisor-health");
        HubClient.Response notAnId = get("/api/duplicates/not-an-id", "supervisor-health");
        HubClient.Response itself = post(path + "/merge", merge(first(), first()), "supervisor-health");
        HubClient.Response itselfFr = post(path + "/merge?lang=fr", merge(first(), first()), "supervisor-health");
        HubClient.Response stranger = post(path + "/merge", merge(first(), UUID.randomUUID().toString()),
                "supervisor-health");
        HubClient.Response malformed = post(path + "/merge", "{\"survivor\":42}", "supervisor-health");
        HubClient.Response notJson = post(path + "/merge", "merge please", "supervisor-health");
        HubClient.Response notMerged = post(path + "/unmerge", "", "supervisor-health");
        HubClient.Response badStatus = get("/api/duplicates?status=CLOSED&lang=ar", "supervisor-health");
        HubClient.Response badLimit = get("/api/duplicates?limit=0", "supervisor-health");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.reason()).isEqualTo("NO_SUCH_DUPLICATE");
        assertThat(notAnId.reason()).isEqualTo("NO_SUCH_DUPLICATE");
        assertThat(itself.status()).isEqualTo(400);
        assertThat(itself.reason()).isEqualTo("SAME_HOUSEHOLD");
        assertThat(itselfFr.json().at("/error/message").asText()).contains("lui-même");
        assertThat(stranger.reason()).isEqualTo("NOT_IN_PAIR");
        assertThat(malformed.reason()).isEqualTo("MALFORMED_MERGE");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notMerged.status()).isEqualTo(409);
        assertThat(notMerged.reason()).isEqualTo("NOT_MERGED");
        assertThat(badStatus.reason()).isEqualTo("UNKNOWN_DUPLICATE_STATUS");
        assertThat(badStatus.json().at("/error/message").asText()).contains("OPEN").doesNotContain("A duplicate");
        assertThat(badLimit.reason()).isEqualTo("INVALID_DUPLICATE_LIMIT");
        assertThat(onlyPair().get("status").asText()).isEqualTo("OPEN");
        assertThat(hub.count("household_merges")).isZero();
        assertThat(hub.rows("SELECT event_id FROM events WHERE kiosk_id = 'HUB'")).isEmpty();
    }

    @Test
    void mergingAHouseholdAlreadyMergedIsAConflict() {
        String id = onlyPair().get("id").asText();
        assertThat(post("/api/duplicates/" + id + "/merge", merge(first(), second()), "supervisor-health").status())
                .isEqualTo(200);

        HubClient.Response again = post("/api/duplicates/" + id + "/merge", merge(second(), first()),
                "supervisor-health");
        HubClient.Response dismiss = post("/api/duplicates/" + id + "/dismiss", "", "supervisor-health");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.reason()).isEqualTo("ALREADY_MERGED");
        assertThat(again.json().at("/error/message").asText()).contains("Undo");
        assertThat(dismiss.reason()).isEqualTo("ALREADY_MERGED");
        assertThat(hub.count("household_merges")).isEqualTo(1);
    }

    private List<String> referralHouseholds() {
        List<String> households = new ArrayList<>();
        hub.rows("SELECT household_id FROM referrals").forEach(row -> households.add((String) row.get(0)));
        return households;
    }
}
