package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;

/**
 * Duplicates meet the reports and the data-subject requests, over HTTP on a real store: a merged pair is counted once
 * (and twice again once unmerged); erasing the merged household takes out the words of the referrals its merge moved
 * to the survivor; a correction that makes a household look like another queues the pair. {@code OnPostgres} runs
 * it on PostgreSQL.
 */
class DuplicateDsrTest extends DuplicateScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE = "Nourhan called from her cousin's phone";

    @Test
    void aMergedPairIsCountedOnceInTheReportsUntilItIsUnmerged() {
        String id = onlyPair().get("id").asText();
        List<Long> before = counts();

        post("/api/duplicates/" + id + "/merge", merge(first(), second()), "supervisor-health");
        List<Long> merged = counts();
        post("/api/duplicates/" + id + "/unmerge", "{}", "supervisor-health");

        assertThat(before.get(0)).isEqualTo(2L);
        // The twin's registration (one household of one person) leaves the counts while it is part of the first.
        assertThat(merged).containsExactly(1L, before.get(1) - 1);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void erasingTheMergedHouseholdTakesOutTheWordsOfTheReferralsItsMergeMovedToTheSurvivor() {
        assertThat(post("/api/referrals/" + twinHealth.id() + "/notes", JSON.createObjectNode().put("text", NOTE)
                .toString(), "cw-health").status()).isEqualTo(200);
        post("/api/duplicates/" + onlyPair().get("id").asText() + "/merge", merge(first(), second()),
                "supervisor-health");

        HubClient.Response erased = post("/api/dsr/erase", JSON.createObjectNode().put("token",
                twin.token().id().shortCode()).put("reason", "DSR-2026-050").toString(), "dpo");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("referralsRedacted").asInt()).isEqualTo(1);
        assertThat(hub.rows("SELECT referral_id FROM referral_redactions")).containsExactly(
                List.of(twinHealth.id().toString()));
        assertThat(hub.rows("SELECT payload_json FROM referral_events WHERE referral_id = ?",
                twinHealth.id().toString()).toString()).doesNotContain("cousin");
        // The row stays with the survivor, codes and status only, so its service's figures still count it.
        assertThat(hub.rows("SELECT household_id, status FROM referrals WHERE referral_id = ?",
                twinHealth.id().toString())).containsExactly(List.of(first(), "SENT"));
        // The survivor is another registration: what it holds is untouched.
        assertThat(client.lookUp(household.token().id().shortCode(), session(HubFixture.OFFICER)).status())
                .isEqualTo(200);
    }

    @Test
    void aCorrectionThatMakesAHouseholdLookLikeAnotherQueuesThePair() {
        Member samira = new Member("Samira", "Haddad", null, null, Sex.F, LocalDate.of(1990, 3, 1), true, null, "SYR",
                Relationship.FOCAL_POINT, List.of(TestKiosk.OPEN_NEED));
        TestKiosk.Registration stranger = otherKiosk.register(new Household(LocalDate.of(2026, 11, 24),
                new Origin("SYR", "Homs"), List.of("ar"), null, new Consent(true, true), List.of(samira)));
        assertThat(client.sync("KIOSK-02", List.of(stranger.event())).status()).isEqualTo(200);
        String code = stranger.token().id().shortCode();
        JsonNode export = get("/api/dsr/export?token=" + code, "dpo").json();
        assertThat(pairsNaming(stranger)).isZero();
        ObjectNode corrected = export.get("household").deepCopy();
        ((ObjectNode) corrected.get("members").get(0)).put("givenName", "Nourhan").put("familyName", "Al-Zoubi");

        HubClient.Response done = post("/api/dsr/correct", JSON.createObjectNode().put("token", code)
                .put("reason", "DSR-2026-051: her name was typed wrong").set("household", corrected).toString(), "dpo");

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(pairsNaming(stranger)).isPositive();
    }

    private long pairsNaming(TestKiosk.Registration registration) {
        String id = registration.payload().householdId().toString();
        return hub.rows("SELECT household_a, household_b FROM duplicate_pairs").stream()
                .filter(pair -> pair.contains(id)).count();
    }

    /** The households and people counted, over every day and site. */
    private List<Long> counts() {
        return List.of(sum("households"), sum("people"));
    }

    private long sum(String measure) {
        return hub.rows("SELECT count FROM report_counts WHERE measure = ?", measure).stream()
                .mapToLong(row -> ((Number) row.get(0)).longValue()).sum();
    }
}
