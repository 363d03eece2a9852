package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * The whole role × route matrix, as a black box over HTTP: every route of the hub, called by an account of every role
 * and by nobody, must let in exactly the roles this table names (docs/api.md, "Who may do what"); public and kiosk
 * routes answer everyone alike. ({@code GET /}, the sign-in form, is public and sends the signed-in on to their start
 * page; LookupPageTest covers it.) Then what the token lookup shows each role. {@code OnPostgres} runs it all on
 * PostgreSQL.
 */
class RoleMatrixTest {
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> READERS = EnumSet.of(Role.SUPERVISOR, Role.CASEWORKER, Role.PROTECTION_OFFICER);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> CASEWORK = EnumSet.of(Role.SUPERVISOR, Role.CASEWORKER);
    private static final Set<Role> DPO = EnumSet.of(Role.DPO);
    private static final Set<Role> OFFICER = EnumSet.of(Role.PROTECTION_OFFICER);
    private static final Set<Role> DECIDERS = EnumSet.of(Role.SUPERVISOR, Role.PROTECTION_OFFICER);
    private static final Set<Role> REPORTERS = EnumSet.of(Role.SUPERVISOR, Role.PROTECTION_OFFICER, Role.DPO,
            Role.ADMIN);
    private static final Map<Role, String> ACCOUNTS = new LinkedHashMap<>();
    // Allowed roles get 404 for it, the others 403: the matrix needs no referral.
    private static final String NO_REFERRAL = "0190c0de-0000-7000-8000-000000000000";

    static {
        ACCOUNTS.put(Role.ADMIN, HubFixture.ADMIN);
        ACCOUNTS.put(Role.SUPERVISOR, "supervisor-health");
        ACCOUNTS.put(Role.CASEWORKER, "cw-health");
        ACCOUNTS.put(Role.PROTECTION_OFFICER, HubFixture.OFFICER);
        ACCOUNTS.put(Role.DPO, "dpo");
    }

    @TempDir
    Path dataDir;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    private HubFixture hub;
    private HubClient client;
    private String code;

    /** One route as a caller sees it; {@code allowed} null means "not an account route: the same for everyone". */
    record Route(String method, String path, String body, Set<Role> allowed) {
        boolean page() {
            return !path.startsWith("/api/");
        }
    }

    @BeforeEach
    void startHubWithAnAccountPerRole() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
        Accounts accounts = hub.server().services().accounts();
        accounts.add("supervisor-health", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.SUPERVISOR, "Health NGO", Set.of("health")));
        accounts.add("cw-health", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.CASEWORKER, "Health NGO", Set.of("health")));
        accounts.add("dpo", HubFixture.PASSWORD.toCharArray(), new Accounts.Grant(Role.DPO, "Hub", Set.of()));
        accounts.add("spare", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.CASEWORKER, "Health NGO", Set.of("health")));
        TestKiosk.Registration registration = hub.kiosk.register();
        assertThat(client.sync("KIOSK-01", List.of(registration.event())).status()).isEqualTo(200);
        code = registration.token().id().shortCode();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private List<Route> routes() {
        String role = "{\"role\":\"CASEWORKER\",\"organisation\":\"Health NGO\",\"services\":[\"health\"]}";
        return List.of(
                new Route("GET", "/api/me", "", EVERYONE),
                new Route("GET", "/api/me/sessions", "", EVERYONE),
                new Route("DELETE", "/api/me/sessions/not-a-session", "", EVERYONE),
                new Route("GET", "/api/accounts", "", ADMIN),
                new Route("POST", "/api/accounts", "{\"username\":\"new-one\",\"password\":\"short\",\"role\":\"DPO\"}",
                        ADMIN),
                new Route("PUT", "/api/accounts/spare/role", role, ADMIN),
                new Route("PUT", "/api/accounts/spare/password", "{\"password\":\"short\"}", ADMIN),
                new Route("POST", "/api/accounts/spare/disable", "", ADMIN),
                new Route("POST", "/api/accounts/spare/enable", "", ADMIN),
                new Route("GET", "/api/accounts/spare/sessions", "", ADMIN),
                new Route("DELETE", "/api/accounts/spare/sessions", "", ADMIN),
                new Route("DELETE", "/api/accounts/spare/sessions/not-a-session", "", ADMIN),
                new Route("GET", "/api/kiosks", "", ADMIN),
                new Route("GET", "/api/kiosks/KIOSK-01/incidents", "", ADMIN),
                new Route("GET", "/api/tokens/" + code, "", READERS),
                new Route("GET", "/lookup?token=" + code, "", READERS),
                new Route("GET", "/api/referrals", "", READERS),
                new Route("GET", "/api/referrals/" + NO_REFERRAL, "", READERS),
                new Route("POST", "/api/referrals/" + NO_REFERRAL + "/transitions", "{\"status\":\"RECEIVED\"}",
                        CASEWORK),
                new Route("POST", "/api/referrals/" + NO_REFERRAL + "/notes", "{\"text\":\"A note\"}", CASEWORK),
                new Route("POST", "/referrals/" + NO_REFERRAL + "/transition", "status=ACCEPTED", CASEWORK),
                new Route("POST", "/referrals/" + NO_REFERRAL + "/note", "text=A+note", CASEWORK),
                new Route("POST", "/api/referrals/" + NO_REFERRAL + "/reassign",
                        "{\"service\":\"legal\",\"reason\":\"Legal question\"}", EnumSet.of(Role.SUPERVISOR)),
                new Route("POST", "/referrals/" + NO_REFERRAL + "/reassign", "service=legal&reason=Legal+question",
                        EnumSet.of(Role.SUPERVISOR)),
                // Refused before anything changes (the hub only withdraws), but past the role check.
                new Route("POST", "/api/households/" + code + "/consent", "{\"referral\":true,\"reason\":\"x\"}",
                        EnumSet.of(Role.PROTECTION_OFFICER)),
                // An empty reason: refused with REASON_REQUIRED, nothing withdrawn, but past the role check.
                new Route("POST", "/lookup/consent", "token=" + code + "&reason=", OFFICER),
                new Route("GET", "/account", "", EVERYONE),
                new Route("GET", "/api/audit", "", DPO),
                new Route("GET", "/api/glass-breaks", "", DPO),
                new Route("GET", "/dpo/audit", "", DPO),
                new Route("POST", "/api/audit/verify", "", DPO),
                new Route("POST", "/dpo/audit/verify", "", DPO),
                new Route("GET", "/dpo/glass-breaks", "", DPO),
                new Route("POST", "/api/events/verify", "", DPO),
                new Route("POST", "/lookup/glass-break", "token=" + code + "&reason=A+written+reason+long+enough",
                        OFFICER),
                new Route("POST", "/api/glass-breaks", "{\"token\":\"" + code + "\",\"reason\":\"A written reason "
                        + "long enough for the DPO.\"}", OFFICER),
                new Route("GET", "/api/dsr/search?name=Nourhan", "", DPO),
                new Route("GET", "/api/dsr/export?token=" + code, "", DPO),
                // An empty reason: the DPO is told to give one, and nothing is erased.
                new Route("POST", "/api/dsr/erase", "{\"token\":\"" + code + "\",\"reason\":\"\"}", DPO),
                new Route("GET", "/dpo/requests?name=Nourhan", "", DPO),
                new Route("GET", "/dpo/household/" + code, "", DPO),
                new Route("GET", "/dpo/household/" + code + "/export.json", "", DPO),
                new Route("GET", "/dpo/household/" + code + "/export", "", DPO),
                // Empty reasons: refused with INVALID_REASON, nothing changed, but past the role check.
                new Route("POST", "/dpo/household/" + code + "/restrict", "reason=", DPO),
                new Route("POST", "/dpo/household/" + code + "/lift", "reason=", DPO),
                new Route("POST", "/dpo/household/" + code + "/correct", "reason=&household=%7B%7D", DPO),
                new Route("POST", "/dpo/household/" + code + "/erase", "reason=", DPO),
                new Route("GET", "/dpo/retention", "", DPO),
                // Nothing is old enough yet: the run does nothing.
                new Route("POST", "/dpo/retention/run", "", DPO),
                new Route("GET", "/api/search?name=Nourhan", "", READERS),
                new Route("GET", "/search?name=Nourhan", "", READERS),
                new Route("GET", "/api/duplicates", "", DECIDERS),
                new Route("GET", "/duplicates", "", DECIDERS),
                // Allowed roles get 404 for a pair that does not exist, the others 403.
                new Route("GET", "/api/duplicates/" + NO_REFERRAL, "", DECIDERS),
                new Route("GET", "/duplicates/" + NO_REFERRAL, "", DECIDERS),
                new Route("POST", "/api/duplicates/" + NO_REFERRAL + "/dismiss", "", DECIDERS),
                new Route("POST", "/api/duplicates/" + NO_REFERRAL + "/merge", "{\"survivor\":\"" + NO_REFERRAL
                        + "\",\"merged\":\"" + NO_REFERRAL + "\"}", DECIDERS),
                new Route("POST", "/api/duplicates/" + NO_REFERRAL + "/unmerge", "", DECIDERS),
                new Route("GET", "/api/reports/arrivals.csv", "", REPORTERS),
                new Route("GET", "/api/reports/referrals.json", "", REPORTERS),
                new Route("GET", "/reports", "", REPORTERS),
                new Route("GET", "/api/status", "", null),
                new Route("GET", "/health", "", null),
                new Route("POST", "/api/login", "{}", null),
                new Route("POST", "/api/sync/batches", "{}", null),
                new Route("GET", "/api/sync/updates?kioskId=KIOSK-01&since=0", "", null),
                new Route("POST", "/api/enrollment", "{}", null),
                // Last: it ends the session it is called with.
                new Route("POST", "/logout", "", EVERYONE));
    }

    @Test
    void everyRouteLetsInExactlyTheRolesItDeclares() {
        Map<Role, String> sessions = new LinkedHashMap<>();
        ACCOUNTS.forEach((role, username) -> sessions.put(role, client.sessionToken(username)));
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            HubClient.Response anonymous = call(route, null);
            for (Role role : Role.values()) {
                HubClient.Response answer = call(route, sessions.get(role));
                if (route.allowed() == null) {
                    if (answer.status() != anonymous.status()) {
                        wrong.add(route.method() + " " + route.path() + " as " + role + ": " + answer.status()
                                + ", but " + anonymous.status() + " for nobody");
                    }
                    continue;
                }
                boolean allowed = route.allowed().contains(role);
                boolean refused = answer.status() == 403;
                if (allowed == refused || answer.status() == 401 || (route.page() && answer.status() == 303
                        && !route.path().equals("/logout"))) {
                    wrong.add(route.method() + " " + route.path() + " as " + role + ": " + answer.status() + " "
                            + answer.body().substring(0, Math.min(120, answer.body().length())));
                }
                if (refused && !route.page()) {
                    assertThat(answer.reason()).isEqualTo("FORBIDDEN");
                }
            }
            if (route.allowed() != null) {
                int expected = route.page() ? 303 : 401;
                if (anonymous.status() != expected) {
                    wrong.add(route.method() + " " + route.path() + " for nobody: " + anonymous.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theLookupShowsEachRoleOnlyWhatItMaySee() {
        String officer = client.lookUp(code, client.sessionToken(HubFixture.OFFICER)).body();
        String caseworker = client.lookUp(code, client.sessionToken("cw-health")).body();
        String supervisor = client.lookUp(code, client.sessionToken("supervisor-health")).body();
        HubClient.Response admin = client.lookUp(code, client.sessionToken(HubFixture.ADMIN));
        HubClient.Response dpo = client.lookUp(code, client.sessionToken("dpo"));

        assertThat(officer).contains(TestKiosk.ARABIC_GIVEN_NAME, TestKiosk.OPEN_NEED, TestKiosk.SENSITIVE_NEED);
        for (String scan : List.of(caseworker, supervisor)) {
            assertThat(scan).contains("\"referrals\":[]", code.substring(0, 4))
                    .doesNotContain(TestKiosk.ARABIC_GIVEN_NAME, TestKiosk.OPEN_NEED, "SV-", "TR-", "household");
        }
        assertThat(admin.status()).isEqualTo(403);
        assertThat(dpo.status()).isEqualTo(403);
        assertThat(admin.body()).doesNotContain(TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(hub.rows("SELECT username, action FROM access_log ORDER BY id")).containsExactly(
                List.of(HubFixture.OFFICER, "token-lookup"), List.of("cw-health", "token-scan"),
                List.of("supervisor-health", "token-scan"));
    }

    private HubClient.Response call(Route route, String session) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
        if (session != null) {
            headers.addAll(route.page() ? List.of("Cookie", SessionCookie.NAME + "=" + session)
                    : List.of("Authorization", "Bearer " + session));
        }
        return client.request(route.method(), route.path(), route.body().getBytes(StandardCharsets.UTF_8),
                headers.toArray(String[]::new));
    }

    /** The pages' cookie name, as a browser sends it back. */
    private static final class SessionCookie {
        static final String NAME = "threshold_session";
    }
}
