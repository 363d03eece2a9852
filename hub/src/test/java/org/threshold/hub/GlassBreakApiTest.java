package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Break the glass and the DPO's access log, as a black box over HTTP: a protection officer whose services do not
 * cover a household's sensitive code opens it with a written reason for 3 hours, marked; the DPO lists the grant and
 * reads the log, filtered and paged, with the state of its hash chain, which an edit through SQL breaks.
 * {@code OnPostgres} runs it all on PostgreSQL.
 */
class GlassBreakApiTest extends GlassBreakHub {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubClient.Response breakGlass(String session, String token, String reason) {
        String body = JSON.createObjectNode().put("token", token).put("reason", reason).toString();
        return client.post("/api/glass-breaks", body.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/json", "Authorization", "Bearer " + session);
    }

    /** The household's code with its check character wrong. */
    private String mistyped() {
        char check = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (check == 'A' ? 'B' : 'A');
    }

    private HubClient.Response asDpo(String path) {
        return client.get(path, "Authorization", "Bearer " + client.sessionToken(DPO));
    }

    private JsonNode verifyAsDpo() {
        HubClient.Response verified = client.post("/api/audit/verify", new byte[0], "Authorization",
                "Bearer " + client.sessionToken(DPO));
        assertThat(verified.status()).isEqualTo(200);
        return verified.json();
    }

    @Test
    void aWrittenReasonOpensTheHouseholdForThreeHoursMarkedAndTheDpoSeesIt() {
        String legal = client.sessionToken(LEGAL);
        String before = client.lookUp(code, legal).body();
        HubClient.Response tooShort = breakGlass(legal, code, "urgent");
        HubClient.Response opened = breakGlass(legal, code, "  " + REASON + "  ");
        HubClient.Response during = client.lookUp(code, legal);
        String unopenedColleague = client.lookUp(code, client.sessionToken(HubFixture.OFFICER)).body();
        hub.clock.advance(Duration.ofHours(3));
        HubClient.Response after = client.lookUp(code, client.sessionToken(LEGAL));
        HubClient.Response grants = asDpo("/api/glass-breaks");

        assertThat(before).contains(TestKiosk.OPEN_NEED).doesNotContain(TestKiosk.SENSITIVE_NEED, "glassBreak");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.reason()).isEqualTo("REASON_TOO_SHORT");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.body()).contains(TestKiosk.SENSITIVE_NEED);
        String until = HubFixture.START.plus(Duration.ofHours(3)).toString();
        assertThat(opened.json().at("/glassBreak/until").asText()).isEqualTo(until);
        assertThat(opened.json().at("/glassBreak/reason").asText()).isEqualTo(REASON);
        assertThat(during.body()).contains(TestKiosk.SENSITIVE_NEED, "\"glassBreak\"");
        assertThat(unopenedColleague).doesNotContain("glassBreak");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain(TestKiosk.SENSITIVE_NEED, "glassBreak");
        JsonNode grant = grants.json().at("/glassBreaks/0");
        assertThat(grants.json().get("glassBreaks")).hasSize(1);
        assertThat(grant.get("account").asText()).isEqualTo(LEGAL);
        assertThat(grant.get("reason").asText()).isEqualTo(REASON);
        assertThat(grant.get("until").asText()).isEqualTo(until);
        assertThat(grant.get("active").asBoolean()).isFalse();
        assertThat(hub.rows("SELECT username, action, outcome FROM access_log WHERE username = ? ORDER BY id", LEGAL))
                .containsExactly(List.of(LEGAL, "token-lookup", "FOUND"), List.of(LEGAL, "glass-break", "GRANTED"),
                        List.of(LEGAL, "token-lookup-glass-break", "FOUND"),
                        List.of(LEGAL, "token-lookup-glass-break", "FOUND"), List.of(LEGAL, "token-lookup", "FOUND"));
    }

    @Test
    void aForgedOrUnknownTokenOpensNothingAndIsLogged() {
        String legal = client.sessionToken(LEGAL);
        HubClient.Response mistyped = breakGlass(legal, mistyped(), REASON);
        HubClient.Response malformed = client.post("/api/glass-breaks", "{\"token\":1}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Authorization", "Bearer " + legal);

        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.reason()).isEqualTo("CHECK_MISMATCH");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.reason()).isEqualTo("MALFORMED_REQUEST");
        assertThat(hub.count("glass_breaks")).isZero();
        assertThat(hub.rows("SELECT action FROM access_log WHERE username = ?", LEGAL))
                .containsExactly(List.of("token-lookup"));
    }

    @Test
    void theDpoFiltersAndPagesTheLogAndSeesTheChainBreakWhenARowIsEdited() {
        String legal = client.sessionToken(LEGAL);
        String officer = client.sessionToken(HubFixture.OFFICER);
        for (int i = 0; i < 3; i++) {
            client.lookUp(code, legal);
            client.lookUp(code, officer);
        }
        client.lookUp(mistyped(), officer);

        JsonNode all = asDpo("/api/audit").json();
        JsonNode page = asDpo("/api/audit?limit=4").json();
        JsonNode next = asDpo("/api/audit?limit=4&before=" + page.get("next").asLong()).json();
        JsonNode legalOnly = asDpo("/api/audit?account=" + LEGAL).json();
        String household = all.at("/records/1/householdId").asText();
        JsonNode byHousehold = asDpo("/api/audit?household=" + household + "&account=" + HubFixture.OFFICER).json();
        JsonNode failed = asDpo("/api/audit?outcome=CHECK_MISMATCH").json();
        JsonNode window = asDpo("/api/audit?from=" + HubFixture.START + "&to=" + HubFixture.START.plusSeconds(1)).json();
        HubClient.Response badFilter = asDpo("/api/audit?from=yesterday");
        HubClient.Response capped = asDpo("/api/audit?limit=100000");

        JsonNode verified = verifyAsDpo();

        assertThat(all.get("records")).hasSize(7);
        // A listing reads its page only; the chain is walked when asked.
        assertThat(all.has("chain")).isFalse();
        assertThat(verified.at("/chain/intact").asBoolean()).isTrue();
        assertThat(verified.at("/chain/checked").asLong()).isEqualTo(7);
        assertThat(all.get("next").isNull()).isTrue();
        assertThat(all.at("/records/0/outcome").asText()).isEqualTo("CHECK_MISMATCH");
        assertThat(all.at("/records/0/householdId").isMissingNode()).isTrue();
        assertThat(all.toString()).doesNotContain(code, TestKiosk.ARABIC_GIVEN_NAME);
        List<JsonNode> paged = new ArrayList<>();
        page.get("records").forEach(paged::add);
        next.get("records").forEach(paged::add);
        List<JsonNode> expected = new ArrayList<>();
        all.get("records").forEach(expected::add);
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(next.get("next").isNull()).isTrue();
        assertThat(legalOnly.get("records")).hasSize(3);
        assertThat(byHousehold.get("records")).hasSize(3);
        assertThat(failed.get("records")).hasSize(1);
        assertThat(window.get("records")).hasSize(7);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.reason()).isEqualTo("INVALID_FILTER");
        assertThat(capped.status()).isEqualTo(200);

        hub.execute("UPDATE access_log SET username = 'someone-else' WHERE seq = 2");
        JsonNode tampered = verifyAsDpo();
        assertThat(asDpo("/api/audit").json().get("records")).hasSize(7);
        assertThat(tampered.at("/chain/intact").asBoolean()).isFalse();
        assertThat(tampered.at("/chain/firstBreak/seq").asLong()).isEqualTo(2);
        assertThat(tampered.at("/chain/firstBreak/problem").asText()).isEqualTo("ALTERED");
    }
}
