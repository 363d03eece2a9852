package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threshold.core.event.RedactedEvent;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * The retention job with the hub's clock moved on (the fixture's injected clock), over HTTP on a real store: past two
 * years a closed referral loses its notes and reasons, past five years without activity the household is erased, each
 * action in the access log; the dry run names what a run would do and does none of it. {@code OnPostgres} runs it on
 * PostgreSQL, where the job takes its turn with an advisory lock.
 */
class RetentionJobTest extends ReferralScenario {
    private static final String NOTE = "Gravelmoor asked for a female doctor";

    @BeforeEach
    void addTheDpo() {
        hub.server().services().accounts().add("dpo", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
    }

    @Test
    void closedReferralsAreAnonymisedAfterTheirPeriodAndInactiveHouseholdsErasedAfterTheirs() {
        String referral = "/api/referrals/" + health.id();
        assertThat(post(referral + "/transitions", "{\"status\":\"ACCEPTED\",\"note\":\"" + NOTE + "\"}",
                "cw-health").status()).isEqualTo(200);
        closeHealth(referral);
        assertThat(plan().at("/referralsToAnonymise/ids")).isEmpty();

        hub.clock.advance(Duration.ofDays(731));
        String dpo = client.sessionToken("dpo");
        JsonNode planned = plan(dpo);
        assertThat(planned.at("/referralsToAnonymise/ids").get(0).asText()).isEqualTo(health.id().toString());
        assertThat(planned.at("/householdsToErase/ids")).isEmpty();
        assertThat(hub.rows("SELECT payload_json FROM referral_events")).anyMatch(row -> row.toString()
                .contains("Gravelmoor"));
        assertThat(hubEventsThatDoNotDecode()).isZero();

        JsonNode first = run(dpo);

        assertThat(first.get("referralsAnonymised").asInt()).isEqualTo(1);
        assertThat(first.get("householdsErased").asInt()).isZero();
        assertThat(hub.rows("SELECT payload_json FROM referral_events")).noneMatch(row -> row.toString()
                .contains("Gravelmoor"));
        assertThat(hubEventsThatDoNotDecode()).isPositive();
        assertThat(hub.rows("SELECT cause FROM referral_redactions")).containsExactly(List.of("RETENTION"));
        String caseworker = client.sessionToken("cw-health");
        assertThat(client.get(referral, "Authorization", "Bearer " + caseworker).json().get("history").toString())
                .contains("CLOSED").doesNotContain("Gravelmoor");
        assertThat(run(dpo).get("referralsAnonymised").asInt()).as("nothing is done twice").isZero();

        hub.clock.advance(Duration.ofDays(1827 - 731));
        dpo = client.sessionToken("dpo");
        assertThat(plan(dpo).at("/householdsToErase/ids/0").asText())
                .isEqualTo(household.payload().householdId().toString());
        assertThat(hub.count("access_log WHERE action = 'retention-erase'")).as("a dry run does nothing").isZero();

        JsonNode second = run(dpo);

        assertThat(second.get("householdsErased").asInt()).isEqualTo(1);
        HubClient.Response lookup = client.lookUp(household.token().id().shortCode(),
                client.sessionToken(HubFixture.OFFICER));
        assertThat(lookup.status()).isEqualTo(410);
        assertThat(hub.rows("SELECT username, outcome, household_id FROM access_log WHERE action IN "
                + "('retention-anonymise', 'retention-erase') ORDER BY id")).containsExactly(
                List.of("retention-job", "DONE", household.payload().householdId().toString()),
                List.of("retention-job", "DONE", household.payload().householdId().toString()));
        assertThat(hub.rows("SELECT action FROM access_log WHERE action IN ('retention-plan', 'retention-run')"))
                .hasSize(6);
    }

    @Test
    void aRetentionCutStoredAsABareHeaderStillVerifiesButTheRequestItLeftWholeDoesNot() throws Exception {
        String referral = "/api/referrals/" + health.id();
        assertThat(post(referral + "/transitions", "{\"status\":\"ACCEPTED\",\"note\":\"" + NOTE + "\"}",
                "cw-health").status()).isEqualTo(200);
        closeHealth(referral);
        hub.clock.advance(Duration.ofDays(731));
        String dpo = client.sessionToken("dpo");
        assertThat(run(dpo).get("referralsAnonymised").asInt()).isEqualTo(1);
        // What a release before sealed cuts stored for a hub event the retention job cut: its header alone.
        List<Object> cut = hub.rows("SELECT event_id, envelope FROM events WHERE kiosk_id = 'HUB' ORDER BY sequence")
                .stream().filter(row -> RedactedEvent.isRedacted((byte[]) row.get(1))).findFirst().orElseThrow();
        hub.execute("UPDATE events SET envelope = ? WHERE event_id = ?",
                RedactedEvent.decode((byte[]) cut.get(1)).header().encode(), cut.get(0));

        JsonNode hubChain = chain(verifyChains(dpo), "HUB");

        assertThat(hubChain.get("intact").asBoolean()).as(hubChain.toString()).isTrue();
        assertThat(hubChain.get("unsealed").asInt()).isEqualTo(1);

        // Retention leaves the kiosk's request whole, so nothing vouches for that event stripped to its header.
        List<Object> request = hub.rows("SELECT event_id, envelope FROM events WHERE kiosk_id = 'KIOSK-01' "
                + "ORDER BY sequence").stream().filter(row -> row.get(0).toString()
                .equals(health.event().header().eventId().toString())).findFirst().orElseThrow();
        hub.execute("UPDATE events SET envelope = ? WHERE event_id = ?",
                SignedEvent.decode((byte[]) request.get(1)).header().encode(), request.get(0));

        assertThat(chain(verifyChains(dpo), "KIOSK-01").at("/firstBreak/problem").asText()).isEqualTo("UNRECORDED_CUT");
    }

    @Test
    void onlyTheDpoReadsOrRunsIt() {
        assertThat(get("/api/dsr/retention", "cw-health").status()).isEqualTo(403);
        assertThat(post("/api/dsr/retention/run", "{}", HubFixture.OFFICER).status()).isEqualTo(403);
        assertThat(get("/api/dsr/retention", "dpo").json().get("closedReferralsDays").asInt()).isEqualTo(730);
    }

    private void closeHealth(String referral) {
        for (String status : List.of("IN_PROGRESS", "CLOSED")) {
            assertThat(post(referral + "/transitions", "{\"status\":\"" + status + "\"}", "cw-health").status())
                    .isEqualTo(200);
        }
    }

    private JsonNode plan() {
        return plan(session("dpo"));
    }

    private JsonNode plan(String dpo) {
        HubClient.Response plan = client.get("/api/dsr/retention", "Authorization", "Bearer " + dpo);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        return plan.json();
    }

    private JsonNode run(String dpo) {
        HubClient.Response run = client.post("/api/dsr/retention/run", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Authorization", "Bearer " + dpo);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        return run.json();
    }

    /** Hub events cut down to their headers. */
    private long hubEventsThatDoNotDecode() {
        return hub.rows("SELECT envelope FROM events WHERE kiosk_id = 'HUB'").stream().filter(row -> {
            try {
                SignedEvent.decode((byte[]) row.get(0));
                return false;
            } catch (org.threshold.core.codec.MalformedEncodingException e) {
                return true;
            }
        }).count();
    }
}
