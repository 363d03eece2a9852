package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * The queue and referral pages over HTTP: a caseworker's queue holds their services' referrals only, soonest due
 * first, overdue ones marked with why, counts per status; its event stream says "changed" when a referral arrives;
 * a referral page shows what the field profile allows and its history. {@code OnPostgres} runs it on PostgreSQL.
 */
class QueuePageTest {
    @TempDir
    Path dataDir;
    HubFixture hub;
    HubClient client;
    TestKiosk.Registration household;
    TestKiosk.Referral health;
    TestKiosk.Referral gbv;
    String cookie;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    @BeforeEach
    void startHubWithAHouseholdReferredToHealthAndGbv() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
        hub.server().services().accounts().add("cw-health", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.CASEWORKER, "Health NGO", Set.of("health")));
        household = hub.kiosk.register();
        health = hub.kiosk.refer(household, "health", Urgency.URGENT, LegalBasis.CONSENT, TestKiosk.SENSITIVE_NEED);
        gbv = hub.kiosk.refer(household, "gbv", Urgency.EMERGENCY, LegalBasis.CONSENT, TestKiosk.SENSITIVE_NEED);
        sync(household.event(), health.event(), gbv.event());
        cookie = "threshold_session=" + client.sessionToken("cw-health");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private void sync(SignedEvent... events) {
        assertThat(client.sync("KIOSK-01", List.of(events)).status()).isEqualTo(200);
        // The projector runs in the background; a token lookup makes it catch up on the spot.
        client.lookUp(household.token().id().shortCode(), client.sessionToken());
    }

    @Test
    void aCaseworkerStartsAtTheirQueueWhichHoldsOnlyTheirServicesReferrals() {
        HubClient.Response login = client.postForm("/login", "username=cw-health&password="
                + HubFixture.PASSWORD.replace(' ', '+'));
        HubClient.Response queue = client.get("/queue", "Cookie", cookie);

        assertThat(login.header("Location")).isEqualTo("/queue");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("data-referral=\"" + health.id() + "\"",
                        household.token().id().shortCode(), "Sent: <b>1</b>", "Closed: <b>0</b>",
                        "sse-connect=\"/queue/events?service=\"", "urgent, within 3 hours")
                .doesNotContain(gbv.id().toString(), TestKiosk.SENSITIVE_NEED, "class=\"overdue\"");
        assertThat(client.get("/queue?service=gbv", "Cookie", cookie).status()).isEqualTo(403);
    }

    @Test
    void aReferralPastItsDueTimeIsMarkedOverdueWithWhy() {
        // Requested at the kiosk at 09:30, urgent: due 12:30; the hub is at 14:05.
        hub.clock.advance(Duration.ofHours(4).plusMinutes(5));
        // The setup's session idled out meanwhile: sign in again.
        String fresh = "threshold_session=" + client.sessionToken("cw-health");

        HubClient.Response queue = client.get("/queue/rows?service=health&lang=fr", "Cookie", fresh);

        assertThat(queue.body()).contains("<tr class=\"overdue\"", "En retard de 1 h 35 min",
                "urgent, sous 3 heures").doesNotContain("<html");
    }

    @Test
    void theQueuesEventStreamSaysChangedWhenAReferralArrives() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.server().port()
                + "/queue/events?service=health")).header("Cookie", cookie).header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        CompletableFuture<String> changed = CompletableFuture.supplyAsync(() -> firstEvent(stream.body()));

        long sent = System.nanoTime();
        sync(hub.kiosk.refer(household, "health", Urgency.NORMAL, LegalBasis.CONSENT, TestKiosk.SENSITIVE_NEED)
                .event());

        assertThat(changed.get(5, TimeUnit.SECONDS)).isEqualTo("changed");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
        stream.body().close();
    }

    @Test
    void aReferralPageShowsItsBasisPeopleAndHistoryAndAnotherServicesIsNotThere() {
        HubClient.Response page = client.get("/referrals/" + health.id() + "?lang=ar", "Cookie", cookie);
        HubClient.Response other = client.get("/referrals/" + gbv.id(), "Cookie", cookie);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ar\" dir=\"rtl\">", "الموافقة", "طُلبت في الكشك",
                TestKiosk.ARABIC_GIVEN_NAME).doesNotContain(TestKiosk.SENSITIVE_NEED);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(TestKiosk.ARABIC_GIVEN_NAME);
    }

    @Test
    void aCaseworkerAcceptsNotesAndClosesAReferralFromItsPage() {
        String page = "/referrals/" + health.id();

        List<Integer> steps = List.of(act(page + "/transition", "status=ACCEPTED").status(),
                act(page + "/note", "text=Seen+at+the+clinic+desk").status(),
                act(page + "/transition", "status=IN_PROGRESS").status(),
                act(page + "/transition", "status=CLOSED&note=Treated").status());
        HubClient.Response after = client.get(page, "Cookie", cookie);

        assertThat(steps).containsOnly(303);
        assertThat(after.body()).contains("data-status=\"Closed\"", "Note added")
                .doesNotContain("action=\"" + page + "/transition\"", "action=\"" + page + "/note\"");
    }

    @Test
    void decliningWithoutAReasonIsRefusedOnThePageAndChangesNothing() {
        String page = "/referrals/" + health.id();

        HubClient.Response refused = act(page + "/transition", "status=DECLINED&reason=+");
        HubClient.Response unchanged = client.get(page, "Cookie", cookie);
        HubClient.Response declined = act(page + "/transition", "status=DECLINED&reason=No+capacity+this+week");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "reason", "data-status=\"Sent\"");
        assertThat(unchanged.body()).contains("data-status=\"Sent\"", "<option value=\"DECLINED\">");
        assertThat(declined.status()).isEqualTo(303);
        assertThat(client.get(page, "Cookie", cookie).body()).contains("data-status=\"Declined\"");
    }

    @Test
    void aCaseworkersScanLinksToTheReferralsOfTheirServicesOnly() {
        HubClient.Response scan = client.get("/scan?token=" + household.token().id().shortCode(), "Cookie", cookie);

        assertThat(scan.body()).contains("<a href=\"/referrals/" + health.id() + "\"", "Health: Sent")
                .doesNotContain(gbv.id().toString());
    }

    @Test
    void aSupervisorReassignsAReferralToAnotherServiceFromItsPage() {
        String supervisor = supervisor();
        String page = "/referrals/" + health.id();
        HubClient.Response form = client.get(page, "Cookie", supervisor);

        HubClient.Response reassigned = act(page + "/reassign", "service=mhpss&reason=Needs+counselling+first",
                supervisor);

        assertThat(form.body()).contains("action=\"" + page + "/reassign\"", "<option value=\"mhpss\">")
                .doesNotContain("<option value=\"health\">", "<option value=\"gbv\">");
        assertThat(reassigned.status()).isEqualTo(303);
        assertThat(reassigned.header("Location")).isEqualTo("/queue");
        assertThat(hub.rows("SELECT service, status FROM referrals WHERE referral_id = ?", health.id().toString()))
                .containsExactly(List.of("mhpss", "SENT"));
        // The health supervisor no longer sees it; nor does its page offer the caseworker anything.
        assertThat(client.get(page, "Cookie", supervisor).status()).isEqualTo(404);
    }

    @Test
    void aReassignmentWithoutAReasonIsRefusedOnThePageInTheUsersLanguageAndChangesNothing() {
        String supervisor = supervisor();
        String page = "/referrals/" + health.id();

        HubClient.Response refused = act(page + "/reassign?lang=fr", "service=mhpss&reason=++", supervisor);
        HubClient.Response unknown = act(page + "/reassign", "service=housing&reason=Elsewhere", supervisor);
        HubClient.Response byCaseworker = act(page + "/reassign", "service=mhpss&reason=Elsewhere", cookie);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "Indiquez un motif", "action=\"" + page + "/reassign\"");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("There is no service", "housing", "child-protection, gbv, health");
        assertThat(byCaseworker.status()).isEqualTo(403);
        assertThat(client.get(page, "Cookie", cookie).body()).doesNotContain("/reassign");
        assertThat(hub.rows("SELECT service, status FROM referrals WHERE referral_id = ?", health.id().toString()))
                .containsExactly(List.of("health", "SENT"));
    }

    @Test
    void aProtectionOfficerWithdrawsTheHouseholdsConsentFromItsPageAndItsReferralsTurnWithdrawn() {
        String officer = "threshold_session=" + client.sessionToken(HubFixture.OFFICER);
        String code = household.token().id().shortCode();
        HubClient.Response page = client.get("/scan?token=" + code, "Cookie", officer);

        HubClient.Response withdrawn = act("/lookup/consent", "token=" + code + "&reason=Asked+at+the+desk+to+stop",
                officer);

        assertThat(page.body()).contains("action=\"/lookup/consent\"", "name=\"token\" value=\"" + code + "\"");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("role=\"status\"", "Referrals withdrawn: Gender-based violence, Health.",
                "Kept open, as they stand on best or vital interests: none", TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(hub.rows("SELECT status FROM referrals ORDER BY referral_id")).containsOnly(List.of("WITHDRAWN"))
                .hasSize(2);
        assertThat(client.get("/referrals/" + health.id(), "Cookie", cookie).body())
                .contains("data-status=\"Withdrawn\"");
    }

    @Test
    void aConsentWithdrawalWithoutAReasonIsRefusedOnThePageInTheUsersLanguageAndWithdrawsNothing() {
        String officer = "threshold_session=" + client.sessionToken(HubFixture.OFFICER);
        String code = household.token().id().shortCode();

        HubClient.Response refused = act("/lookup/consent?lang=ar", "token=" + code + "&reason=+", officer);
        HubClient.Response mistyped = act("/lookup/consent", "token=hello&reason=Asked+to+stop", officer);
        HubClient.Response byCaseworker = act("/lookup/consent", "token=" + code + "&reason=Asked+to+stop", cookie);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "اذكر سببًا");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(byCaseworker.status()).isEqualTo(403);
        assertThat(hub.rows("SELECT status FROM referrals")).containsOnly(List.of("SENT")).hasSize(2);
    }

    private String supervisor() {
        hub.server().services().accounts().add("supervisor-health", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.SUPERVISOR, "Health NGO", Set.of("health")));
        return "threshold_session=" + client.sessionToken("supervisor-health");
    }

    private HubClient.Response act(String path, String form) {
        return act(path, form, cookie);
    }

    private HubClient.Response act(String path, String form, String session) {
        return client.post(path, form.getBytes(StandardCharsets.UTF_8), "Cookie", session,
                "Content-Type", "application/x-www-form-urlencoded");
    }

    /** The name of the first event the stream sends (comments are skipped). */
    private static String firstEvent(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    return line.substring("event:".length()).strip();
                }
            }
            return "end of stream";
        } catch (java.io.IOException e) {
            return "closed: " + e.getMessage();
        }
    }
}
