package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * The DPO restricts a household's processing and lifts it again, over HTTP on a real store: while restricted,
 * caseworkers' lookups and referral reads answer 403 RESTRICTED, its referrals show in their queue as suspended and
 * refuse every change; a protection officer may break the glass to read it; each step is a hub event on the hub's
 * verified chain and a line in the household's history. {@code OnPostgres} runs it on PostgreSQL.
 */
class DsrRestrictionTest extends ReferralScenario {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void addTheDpo() {
        hub.server().services().accounts().add("dpo", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
    }

    @Test
    void whileRestrictedNothingIsProcessedAndOpenReferralsShowAsSuspendedUntilItIsLifted() throws Exception {
        String code = household.token().id().shortCode();
        String health = "/api/referrals/" + this.health.id();

        HubClient.Response restricted = change("restrict", code, "DSR-2026-021");

        assertThat(restricted.status()).as(restricted.body()).isEqualTo(200);
        HubClient.Response lookup = client.lookUp(code, session("cw-health"));
        HubClient.Response read = get(health, "cw-health");
        HubClient.Response moved = post(health + "/transitions", "{\"status\":\"ACCEPTED\"}", "cw-health");
        HubClient.Response noted = post(health + "/notes", "{\"text\":\"Called them.\"}", "cw-health");
        HubClient.Response officer = client.lookUp(code, session(HubFixture.OFFICER));
        assertThat(List.of(lookup.status(), read.status(), moved.status(), noted.status(), officer.status()))
                .containsOnly(403);
        assertThat(List.of(lookup.reason(), read.reason(), moved.reason(), noted.reason(), officer.reason()))
                .containsOnly("RESTRICTED");
        JsonNode queue = get("/api/referrals", "cw-health").json().get("referrals");
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("status").asText()).isEqualTo("SENT");
        assertThat(queue.get(0).get("suspended").asBoolean()).isTrue();
        assertThat(queue.get(0).get("people")).isEmpty();
        assertThat(queue.get(0).toString()).doesNotContain(TestKiosk.household().members().get(0).givenName());
        assertThat(change("restrict", code, "DSR-2026-021").reason()).isEqualTo("ALREADY_RESTRICTED");
        assertThat(dpoExport(code).get("restricted").get("by").asText()).isEqualTo("dpo");

        HubClient.Response glass = post("/api/glass-breaks", JSON.createObjectNode().put("token", code)
                .put("reason", "A child at the gate says the family is in danger tonight").toString(),
                HubFixture.OFFICER);
        assertThat(glass.status()).as(glass.body()).isEqualTo(201);
        assertThat(client.lookUp(code, session(HubFixture.OFFICER)).status()).isEqualTo(200);

        HubClient.Response lifted = change("lift", code, "DSR-2026-021 closed");

        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(client.lookUp(code, session("cw-health")).status()).isEqualTo(200);
        assertThat(post(health + "/transitions", "{\"status\":\"ACCEPTED\"}", "cw-health").status()).isEqualTo(200);
        assertThat(get("/api/referrals", "cw-health").json().at("/referrals/0/suspended").asBoolean()).isFalse();
        assertThat(change("lift", code, "again").reason()).isEqualTo("NOT_RESTRICTED");
        JsonNode history = dpoExport(code).get("history");
        assertThat(history.findValuesAsText("summary")).contains("processing restricted", "restriction lifted");
        assertThat(history.findValuesAsText("kioskId")).contains("HUB");
        assertThat(hubChain().stream().map(event -> event.header().type()).toList())
                .contains(EventType.HOUSEHOLD_RESTRICTED, EventType.HOUSEHOLD_RESTRICTION_LIFTED);
        assertThat(hub.rows("SELECT action, outcome FROM access_log WHERE action IN ('dsr-restrict', 'dsr-lift') "
                + "ORDER BY id")).containsExactly(List.of("dsr-restrict", "DONE"),
                List.of("dsr-restrict", "ALREADY_RESTRICTED"), List.of("dsr-lift", "DONE"),
                List.of("dsr-lift", "NOT_RESTRICTED"));
        assertThat(hub.rows("SELECT outcome FROM access_log WHERE action = 'token-lookup' AND outcome = "
                + "'RESTRICTED'")).hasSize(2);
    }

    @Test
    void aRestrictionNeedsAReasonAndTheRefusalIsInTheDposLanguage() {
        HubClient.Response refused = client.post("/api/dsr/restrict", ("{\"token\":\""
                + household.token().id().shortCode() + "\",\"reason\":\"  \"}").getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Authorization", "Bearer " + session("dpo"),
                "Accept-Language", "fr");
        HubClient.Response caseworker = post("/api/dsr/restrict", "{\"token\":\"x\",\"reason\":\"y\"}", "cw-health");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("INVALID_REASON");
        assertThat(refused.json().at("/error/message").asText()).startsWith("Indiquez pourquoi");
        assertThat(caseworker.status()).isEqualTo(403);
        assertThat(hub.count("household_restrictions")).isZero();
    }

    @Test
    void anOfficerWhoBrokeTheGlassStillCannotWithdrawConsentOnARestrictedHousehold() {
        String code = household.token().id().shortCode();
        change("restrict", code, "DSR-2026-022");
        post("/api/glass-breaks", JSON.createObjectNode().put("token", code)
                .put("reason", "A child at the gate says the family is in danger tonight").toString(), HubFixture.OFFICER);

        HubClient.Response withdrawn = post("/api/households/" + code + "/consent",
                "{\"referral\":false,\"reason\":\"They asked at the desk\"}", HubFixture.OFFICER);
        HubClient.Response page = client.post("/lookup/consent", ("token=" + code + "&reason=They+asked")
                .getBytes(StandardCharsets.UTF_8), "Cookie", "threshold_session=" + session(HubFixture.OFFICER),
                "Content-Type", "application/x-www-form-urlencoded", "Accept-Language", "fr");

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(403);
        assertThat(withdrawn.reason()).isEqualTo("RESTRICTED");
        assertThat(withdrawn.json().at("/error/message").asText()).contains("not to change it");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("non pour le modifier");
        assertThat(hub.rows("SELECT status FROM referrals ORDER BY service")).containsExactly(List.of("SENT"),
                List.of("SENT"));
        assertThat(change("lift", code, "DSR-2026-022 closed").status()).isEqualTo(200);
        assertThat(post("/api/households/" + code + "/consent", "{\"referral\":false,\"reason\":\"They asked\"}",
                HubFixture.OFFICER).status()).isEqualTo(200);
    }

    @Test
    void aKioskCorrectionToARestrictedHouseholdIsHeldNotAppliedAndTheDpoSeesItWaiting() {
        String code = household.token().id().shortCode();
        change("restrict", code, "DSR-2026-023");
        com.fasterxml.jackson.databind.node.ObjectNode request = JSON.createObjectNode();
        request.putArray("corrections").addObject().put("field", "phone").put("value", "+963 555 0199");

        sync(hub.kiosk.correct(household, household.token(), request));
        JsonNode export = dpoExport(code);

        assertThat(export.at("/household/phone").asText()).isNotEqualTo("+963 555 0199");
        assertThat(export.get("history").findValuesAsText("summary"))
                .contains("held, not applied: processing restricted");
        assertThat(hub.rows("SELECT reason FROM projection_failures")).singleElement()
                .satisfies(row -> assertThat(row.get(0).toString()).contains("restricted", "held, not applied"));
    }

    @Test
    void liftingTheRestrictionAppliesTheHeldChangesInChainOrderExactlyOnce() {
        String code = household.token().id().shortCode();
        change("restrict", code, "DSR-2026-024");
        // Two reissues in a row: the second revokes the first's token, so only chain order applies both.
        TestKiosk.Reissue first = hub.kiosk.reissue(household.payload().householdId(), household.token());
        TestKiosk.Reissue second = hub.kiosk.reissue(household.payload().householdId(), first.token());
        SignedEvent corrected = hub.kiosk.correct(household, second.token(), phone("+963 555 0199"));
        sync(first.event(), second.event(), corrected);
        assertThat(hub.count("projection_failures")).isEqualTo(3);

        HubClient.Response lifted = change("lift", code, "DSR-2026-024 closed");

        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.json().get("heldChanges")).isEqualTo(JSON.createObjectNode().put("applied", 3)
                .put("held", 0));
        String current = second.token().id().shortCode();
        assertThat(client.lookUp(current, session("cw-health")).status()).isEqualTo(200);
        assertThat(client.lookUp(code, session("cw-health")).reason()).isEqualTo("TOKEN_REVOKED");
        assertThat(client.lookUp(first.token().id().shortCode(), session("cw-health")).reason())
                .isEqualTo("TOKEN_REVOKED");
        JsonNode export = dpoExport(current);
        assertThat(export.at("/household/phone").asText()).isEqualTo("+963 555 0199");
        List<String> summaries = export.get("history").findValuesAsText("summary");
        assertThat(summaries).filteredOn(summary -> summary.endsWith("applied when it was lifted)")).hasSize(3);
        assertThat(summaries).noneMatch(summary -> summary.startsWith("held, not applied"));
        assertThat(hub.count("projection_failures")).isZero();
        change("restrict", current, "DSR-2026-025");
        assertThat(change("lift", current, "DSR-2026-025 closed").json().at("/heldChanges/applied").asInt())
                .isZero();
        assertThat(hub.count("revoked_tokens")).isEqualTo(2);
    }

    @Test
    void aHeldCorrectionTheDpoCorrectedSinceStaysHeldWithItsReason() {
        String code = household.token().id().shortCode();
        change("restrict", code, "DSR-2026-026");
        sync(hub.kiosk.correct(household, household.token(), phone("+963 555 0199")));
        com.fasterxml.jackson.databind.node.ObjectNode corrected = (com.fasterxml.jackson.databind.node.ObjectNode)
                dpoExport(code).get("household").deepCopy();
        corrected.put("phone", "+963 555 0142");
        assertThat(post("/api/dsr/correct", JSON.createObjectNode().put("token", code).put("reason", "DSR-2026-027")
                .set("household", corrected).toString(), "dpo").status()).isEqualTo(200);

        HubClient.Response lifted = change("lift", code, "DSR-2026-026 closed");

        assertThat(lifted.json().get("heldChanges")).isEqualTo(JSON.createObjectNode().put("applied", 0)
                .put("held", 1));
        JsonNode export = dpoExport(code);
        assertThat(export.at("/household/phone").asText()).isEqualTo("+963 555 0142");
        assertThat(export.get("history").findValuesAsText("summary")).anyMatch(summary ->
                summary.startsWith("held, not applied: the data protection officer corrected the household"));
        assertThat(hub.rows("SELECT reason FROM projection_failures")).singleElement()
                .satisfies(row -> assertThat(row.get(0).toString()).contains("would undo theirs"));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode phone(String value) {
        com.fasterxml.jackson.databind.node.ObjectNode request = JSON.createObjectNode();
        request.putArray("corrections").addObject().put("field", "phone").put("value", value);
        return request;
    }

    @Test
    void theExportWordsReferralsAsTheQueueDoesAndAFormatItCannotWriteIsRefused() {
        String code = household.token().id().shortCode();
        JsonNode queued = get("/api/referrals", "cw-health").json().at("/referrals/0");
        HubClient.Response pdf = client.get("/api/dsr/export?token=" + code + "&format=pdf", "Authorization",
                "Bearer " + session("dpo"), "Accept-Language", "fr");

        JsonNode exported = dpoExport(code).get("referrals");

        JsonNode health = exported.findParents("service").stream()
                .filter(referral -> referral.get("service").asText().equals("health")).findFirst().orElseThrow();
        assertThat(health.get("urgency").asText()).isEqualTo(queued.get("urgency").asText());
        assertThat(health.get("basis").asText()).isEqualTo(queued.get("basis").asText());
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.reason()).isEqualTo("INVALID_FILTER");
        assertThat(pdf.json().at("/error/message").asText()).contains("format", "json ou html");
    }

    private HubClient.Response change(String action, String code, String reason) {
        return post("/api/dsr/" + action, JSON.createObjectNode().put("token", code).put("reason", reason).toString(),
                "dpo");
    }

    private JsonNode dpoExport(String code) {
        HubClient.Response export = get("/api/dsr/export?token=" + code, "dpo");
        assertThat(export.status()).isEqualTo(200);
        return export.json();
    }
}
