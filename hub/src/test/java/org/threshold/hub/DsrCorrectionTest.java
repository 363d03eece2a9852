package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threshold.core.event.EventType;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * The DPO corrects a household at the person's request, over HTTP on a real store: the whole household is validated
 * as the kiosk validates it, sealed anew and indexed by its new names; the correction is a hub event on the verified
 * hub chain and a line of the history that names the fields, never their values. {@code OnPostgres} runs it on
 * PostgreSQL.
 */
class DsrCorrectionTest extends ReferralScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_PHONE = "+963 933 000 111";

    @BeforeEach
    void addTheDpo() {
        hub.server().services().accounts().add("dpo", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
    }

    @Test
    void aCorrectionReplacesTheHouseholdAndTheHistoryNamesTheFieldsItChanged() {
        ObjectNode corrected = held().deepCopy();
        corrected.put("phone", NEW_PHONE);
        ((ObjectNode) corrected.get("members").get(0)).put("givenName", "Samira").put("givenNameLatin", "Samira");

        HubClient.Response done = correct(corrected, "DSR-2026-031", null);

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        JsonNode export = get("/api/dsr/export?token=" + code(), "dpo").json();
        assertThat(export.at("/household/phone").asText()).isEqualTo(NEW_PHONE);
        assertThat(export.at("/household/members/0/givenName").asText()).isEqualTo("Samira");
        JsonNode last = export.get("history").get(export.get("history").size() - 1);
        assertThat(last.get("summary").asText()).isEqualTo("corrected phone, members[0].givenName, members[0].givenNameLatin");
        assertThat(last.get("kioskId").asText()).isEqualTo("HUB");
        assertThat(last.get("operator").asText()).isEqualTo("dpo");
        assertThat(last.toString()).doesNotContain("Samira", NEW_PHONE);
        assertThat(get("/api/dsr/search?name=Samira", "dpo").json().get("households")).hasSize(1);
        assertThat(get("/api/dsr/search?name=" + java.net.URLEncoder.encode(TestKiosk.ARABIC_GIVEN_NAME,
                StandardCharsets.UTF_8), "dpo").json().get("households")).isEmpty();
        assertThat(hubChain().stream().map(event -> event.header().type()).toList())
                .contains(EventType.HOUSEHOLD_CORRECTED);
        assertThat(hub.rows("SELECT outcome FROM access_log WHERE action = 'dsr-correct'"))
                .containsExactly(List.of("DONE"));
    }

    @Test
    void aCorrectionThatTakesAwayTheConsentAReferralStandsOnWithdrawsIt() {
        ObjectNode corrected = held().deepCopy();
        ((ObjectNode) corrected.get("consent")).put("referral", false);

        assertThat(correct(corrected, "DSR-2026-033", null).status()).isEqualTo(200);

        assertThat(get("/api/referrals/" + health.id(), "cw-health").json().get("status").asText())
                .isEqualTo("WITHDRAWN");
        JsonNode gbvNow = get("/api/referrals/" + gbv.id(), "cw-gbv").json();
        assertThat(gbvNow.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(gbvNow.at("/history/1/reason").asText()).contains("data protection officer corrected it");
    }

    @Test
    void anInvalidCorrectionIsRefusedInTheDposLanguageNamingTheFieldAndChangesNothing() {
        ObjectNode corrected = held().deepCopy();
        ((ObjectNode) corrected.get("members").get(0)).put("birthDate", "2999-01-01");

        HubClient.Response refused = correct(corrected, "DSR-2026-032", "ar");
        HubClient.Response caseworker = post("/api/dsr/correct", JSON.createObjectNode().put("token", code())
                .put("reason", "x").set("household", corrected).toString(), "cw-health");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("INVALID_HOUSEHOLD");
        assertThat(refused.json().at("/error/message").asText()).contains("members[0].birthDate", "غير صالحة");
        assertThat(caseworker.status()).isEqualTo(403);
        assertThat(held()).isEqualTo(get("/api/dsr/export?token=" + code(), "dpo").json().get("household"));
        assertThat(held().at("/members/0/birthDate").asText()).isNotEqualTo("2999-01-01");
        assertThat(hub.rows("SELECT outcome FROM access_log WHERE action = 'dsr-correct'"))
                .containsExactly(List.of("INVALID_HOUSEHOLD"));
    }

    private JsonNode held() {
        HubClient.Response export = get("/api/dsr/export?token=" + code(), "dpo");
        assertThat(export.status()).isEqualTo(200);
        return export.json().get("household");
    }

    private HubClient.Response correct(JsonNode household, String reason, String language) {
        String body = JSON.createObjectNode().put("token", code()).put("reason", reason).set("household", household)
                .toString();
        return client.post("/api/dsr/correct", body.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/json", "Authorization", "Bearer " + session("dpo"), "Accept-Language",
                language == null ? "en" : language);
    }

    private String code() {
        return household.token().id().shortCode();
    }
}
