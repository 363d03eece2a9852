package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports page over HTTP: each figure drawn as a chart beside its table, the grandmother's small cell shown as
 * suppressed and never as a number, the exports linked for the same window, the page in the user's language and
 * direction, a bad window explained on the page, and every view in the access log.
 */
class ReportPagesTest {
    private static final Pattern NUMBER_CELL = Pattern.compile("<td class=\"number\">(\\d+)</td>");
    private static final Pattern CHART_FIGURE = Pattern.compile("class=\"value\"[^>]*>(\\d+)</text>");

    @TempDir
    Path dataDir;
    private HubFixture hub;
    private HubClient client;
    private String cookie;

    @BeforeEach
    void start() {
        hub = HubFixture.start(dataDir);
        client = hub.client();
        ReportScenario.registerSixFamiliesAndOneGrandmother(hub);
        cookie = "threshold_session=" + client.sessionToken(ReportScenario.DPO);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HubClient.Response page(String query, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Cookie";
        all[1] = cookie;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.get("/reports" + query, all);
    }

    @Test
    void everyFigureIsAChartBesideItsTableWithItsExports() {
        HubClient.Response page = page("?from=2026-11-01&to=2026-11-24");

        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<h3 id=\"arrivals-title\">Arrivals per day and site</h3>",
                "<h3 id=\"age-sex-title\">Age and sex</h3>", "People with specific needs, by category",
                "Referrals per service, by status", "Overdue referrals per service",
                "Median days from request to acceptance");
        // Households per day, per site, the pyramid, needs, referrals by status, overdue, median: seven charts.
        assertThat(count(html, "<svg class=\"chart")).isEqualTo(7);
        assertThat(count(html, "<div class=\"figures\"><table>")).isEqualTo(4);
        assertThat(html).contains("class=\"chart pyramid\"", "Women and girls", "Men and boys",
                "<td>2026-11-23</td><td>North gate</td><td class=\"number\">7</td><td class=\"number\">13</td>",
                "<td>WR: ");
        assertThat(html).contains("href=\"/api/reports/arrivals.csv?from=2026-11-01&amp;to=2026-11-24\"",
                "href=\"/api/reports/age-sex.json?from=2026-11-01&amp;to=2026-11-24\"",
                "href=\"/api/reports/needs.csv?from=2026-11-01&amp;to=2026-11-24\"",
                "href=\"/api/reports/referrals.json?from=2026-11-01&amp;to=2026-11-24\"");
    }

    @Test
    void theGrandmotherIsShownAsSuppressedNeverAsANumber() {
        String html = page("?from=2026-11-01&to=2026-11-24").body();

        assertThat(html).contains("<td class=\"suppressed\">suppressed</td>",
                "<title>Women and girls 60+: suppressed</title>");
        for (Pattern figure : List.of(NUMBER_CELL, CHART_FIGURE)) {
            Matcher numbers = figure.matcher(html);
            while (numbers.find()) {
                long value = Long.parseLong(numbers.group(1));
                assertThat(value == 0 || value >= 5).as(numbers.group()).isTrue();
            }
        }
    }

    @Test
    void thePageIsInTheUsersLanguageAndABadWindowIsExplainedOnIt() {
        HubClient.Response arabic = page("?from=2026-11-01&to=2026-11-24&lang=ar");
        HubClient.Response badDate = page("?from=2026-13-01", "Accept-Language", "fr");
        HubClient.Response reversed = page("?from=2026-11-24&to=2026-11-01");

        assertThat(arabic.body()).contains("<html lang=\"ar\" dir=\"rtl\"", "الوافدون حسب اليوم والموقع", "محجوب",
                "النساء والفتيات");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("<p class=\"problem\" role=\"alert\">", "AAAA-MM-JJ")
                .doesNotContain("<svg class=\"chart");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("swap them");
    }

    @Test
    void coordinatorsSeeItInTheirNavigationCaseworkersDoNot() {
        hub.server().services().accounts().add("cw-health", HubFixture.PASSWORD.toCharArray(),
                new org.threshold.hub.app.account.Accounts.Grant(org.threshold.hub.app.account.Role.CASEWORKER,
                        "Health NGO", java.util.Set.of("health")));
        String caseworker = "threshold_session=" + client.sessionToken("cw-health");

        assertThat(page("").body()).contains("<a href=\"/reports\">Reports</a>");
        assertThat(client.get("/account", "Cookie", caseworker).body()).doesNotContain("/reports");
        assertThat(client.get("/reports", "Cookie", caseworker).status()).isEqualTo(403);
        assertThat(hub.rows("SELECT username, action, outcome FROM access_log WHERE action LIKE 'report-%'"))
                .containsExactly(List.of(ReportScenario.DPO, "report-page", "SHOWN"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
