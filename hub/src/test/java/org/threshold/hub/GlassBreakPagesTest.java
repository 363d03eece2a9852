package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Break the glass and the DPO's pages over HTTP: the lookup page offers the form to an officer from whom codes are
 * withheld, the grant opens the household and marks every page until it ends; the DPO's pages list the log with its
 * chain's state (in the DPO's language) and the grants with their reasons. {@code OnPostgres} runs it on PostgreSQL.
 */
class GlassBreakPagesTest extends GlassBreakHub {
    private static String cookie(String session) {
        return "threshold_session=" + session;
    }

    private HubClient.Response breakGlass(String cookie, String reason) {
        String form = "token=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        return client.post("/lookup/glass-break", form.getBytes(StandardCharsets.UTF_8), "Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void anOfficerBreaksTheGlassOnThePageAndEveryPageIsMarkedUntilItEnds() {
        String legal = cookie(client.sessionToken(LEGAL));
        HubClient.Response before = client.get("/lookup?token=" + code, "Cookie", legal);
        HubClient.Response tooShort = breakGlass(legal, "urgent");
        HubClient.Response opened = breakGlass(legal, REASON);
        HubClient.Response account = client.get("/account", "Cookie", legal);
        String colleague = client.get("/lookup?token=" + code, "Cookie", cookie(client.sessionToken(HubFixture.OFFICER)))
                .body();
        hub.clock.advance(Duration.ofHours(3));
        HubClient.Response after = client.get("/lookup?token=" + code, "Cookie", cookie(client.sessionToken(LEGAL)));

        assertThat(before.body()).contains("action=\"/lookup/glass-break\"", "Break the glass")
                .doesNotContain(TestKiosk.SENSITIVE_NEED, "You broke the glass");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 20 characters");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains(TestKiosk.SENSITIVE_NEED, "You broke the glass", "Opened by breaking the glass")
                .doesNotContain("action=\"/lookup/glass-break\"");
        assertThat(account.body()).contains("You broke the glass", "role=\"alert\"");
        // nadia serves gbv: nothing is withheld from her, so she is offered no form and carries no mark.
        assertThat(colleague).contains(TestKiosk.SENSITIVE_NEED).doesNotContain("Break the glass", "You broke the glass");
        assertThat(after.body()).doesNotContain(TestKiosk.SENSITIVE_NEED, "You broke the glass");
    }

    @Test
    void theDpoListsTheLogWithItsChainStateAndTheGlassBreaks() {
        String legal = cookie(client.sessionToken(LEGAL));
        breakGlass(legal, REASON);
        String dpo = cookie(client.sessionToken(DPO));

        HubClient.Response log = client.get("/dpo/audit", "Cookie", dpo);
        HubClient.Response filtered = client.get("/dpo/audit?account=nobody", "Cookie", dpo);
        HubClient.Response badFilter = client.get("/dpo/audit?from=yesterday", "Cookie", dpo);
        HubClient.Response french = client.get("/dpo/audit?lang=fr", "Cookie", dpo);
        HubClient.Response grants = client.get("/dpo/glass-breaks", "Cookie", dpo);
        HubClient.Response verified = verify("/dpo/audit/verify?account=" + LEGAL, dpo);
        hub.execute("DELETE FROM access_log WHERE seq = 1");
        HubClient.Response listed = client.get("/dpo/audit", "Cookie", dpo);
        HubClient.Response broken = verify("/dpo/audit/verify", dpo);

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body()).contains("glass-break", "GRANTED", "token-lookup-glass-break",
                "href=\"/dpo/glass-breaks\"", "action=\"/dpo/audit/verify\"", "Verify the hash chain")
                .doesNotContain(code, TestKiosk.ARABIC_GIVEN_NAME, "hash chain is intact");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body()).contains("hash chain is intact: 2 records verified",
                "action=\"/dpo/audit/verify?account=" + LEGAL + "\"", "token-lookup-glass-break");
        // Listing does not walk the chain, so it neither slows nor says anything about it; verifying does.
        assertThat(listed.body()).doesNotContain("BROKEN", "intact");
        assertThat(filtered.body()).contains("No record matches");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body()).contains("The filter from must be");
        assertThat(french.body()).contains("lang=\"fr\"", "accès");
        assertThat(grants.body()).contains(LEGAL, "running", "GBV team unreachable tonight.");
        assertThat(broken.body()).contains("BROKEN at record 1 (MISSING)", "role=\"alert\"");
    }

    private HubClient.Response verify(String path, String cookie) {
        return client.post(path, new byte[0], "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
    }
}
