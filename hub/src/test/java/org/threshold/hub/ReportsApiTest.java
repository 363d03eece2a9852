package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports over HTTP, as a black box: households registered at a kiosk, synced and projected, then read back as
 * CSV with its HXL row and as JSON, with small counts suppressed, every export in the access log, and bad
 * parameters answered in the caller's language. {@code OnPostgres} runs it on PostgreSQL.
 */
class ReportsApiTest {
    private static final String SITE = TestKiosk.SITE;

    @TempDir
    Path dataDir;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    private HubFixture hub;
    private HubClient client;
    private String dpo;

    @BeforeEach
    void registerSixFamiliesAndOneGrandmother() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
        ReportScenario.registerSixFamiliesAndOneGrandmother(hub);
        dpo = client.sessionToken(ReportScenario.DPO);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private HubClient.Response report(String path, String session, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + session));
        all.addAll(List.of(headers));
        return client.get("/api/reports/" + path, all.toArray(String[]::new));
    }

    @Test
    void aReportAskedRightAfterASyncCountsWhatTheSyncBrought() {
        // No lookup in between: the report itself catches the projector up, as the queue and lookups do.
        assertThat(client.sync("KIOSK-01", List.of(hub.kiosk.register().event())).status()).isEqualTo(200);

        JsonNode rows = report("arrivals.json?from=2026-11-01&to=2026-11-24", dpo).json().get("rows");

        JsonNode total = rows.get(rows.size() - 1);
        assertThat(total.get(0).asText()).isEqualTo("total");
        assertThat(total.get(2).asLong()).as("households, the one just synced among them").isEqualTo(8);
    }

    @Test
    void arrivalsAreCountedPerDayAndSiteInCsvWithTheHxlRow() {
        HubClient.Response csv = report("arrivals.csv?from=2026-11-01&to=2026-11-24", dpo);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("date,site,households,people\r\n"
                + "#date,#loc+name,#affected+hh,#affected+ind\r\n"
                + "2026-11-23," + SITE + ",7,13\r\n"
                + "2026-11-23,total,7,13\r\n"
                + "total," + SITE + ",7,13\r\n"
                + "total,total,7,13\r\n");
    }

    @Test
    void theGrandmotherIsSuppressedInThePyramidAndNothingGivesHerBack() {
        JsonNode pyramid = report("age-sex.json", dpo).json();

        assertThat(pyramid.get("threshold").asInt()).isEqualTo(5);
        List<String> columns = new ArrayList<>();
        pyramid.get("columns").forEach(column -> columns.add(column.get("name").asText()));
        assertThat(columns).contains("f_60plus", "m_5_11", "people");
        assertThat(pyramid.get("columns").get(columns.indexOf("f_0_4")).get("hxl").asText())
                .isEqualTo("#affected+ind+f+age_0_4");
        JsonNode site = pyramid.get("rows").get(0);
        JsonNode total = pyramid.get("rows").get(1);
        assertThat(site.get(0).asText()).isEqualTo(SITE);
        assertThat(total.get(0).asText()).isEqualTo("total");
        int grandmother = columns.indexOf("f_60plus");
        assertThat(site.get(grandmother).isNull()).isTrue();
        assertThat(total.get(grandmother).isNull()).isTrue();
        // Her one complement in the row (the site's six mothers) goes with her, so the row total cannot give her back.
        assertThat(site.get(columns.indexOf("f_18_59")).isNull()).isTrue();
        assertThat(site.get(columns.indexOf("people")).asLong()).isEqualTo(13);
        for (JsonNode row : pyramid.get("rows")) {
            for (JsonNode cell : row) {
                if (cell.isNumber()) {
                    assertThat(cell.asLong() == 0 || cell.asLong() >= 5).as(row.toString()).isTrue();
                }
            }
        }
    }

    @Test
    void needsAreCountedByCategoryAndASiteFilterNarrowsEveryReport() {
        String needs = report("needs.csv?site=" + SITE.replace(" ", "%20"), dpo).body();
        String elsewhere = report("arrivals.csv?site=Elsewhere", dpo).body();

        assertThat(needs).contains("category,site,people\r\n#need+code,#loc+name,#affected+ind\r\n")
                .contains("SV," + SITE + ",6\r\n", "WR," + SITE + ",6\r\n", "WR,total,6\r\n");
        assertThat(elsewhere).isEqualTo("date,site,households,people\r\n"
                + "#date,#loc+name,#affected+hh,#affected+ind\r\ntotal,total,0,0\r\n");
    }

    @Test
    void referralsAreReportedPerServiceEvenWhenThereAreNone() {
        JsonNode referrals = report("referrals.json", dpo).json();

        assertThat(referrals.get("rows")).hasSize(1);
        assertThat(referrals.get("rows").get(0).get(0).asText()).isEqualTo("total");
    }

    @Test
    void everyExportIsInTheAccessLog() {
        report("arrivals.csv", dpo);
        report("needs.json", client.sessionToken(HubFixture.ADMIN));

        assertThat(hub.rows("SELECT username, action, outcome FROM access_log WHERE action LIKE 'report-%' "
                + "ORDER BY id")).containsExactly(List.of("dpo", "report-arrivals.csv", "EXPORTED"),
                List.of(HubFixture.ADMIN, "report-needs.json", "EXPORTED"));
    }

    @Test
    void badParametersAreRefusedInTheCallersLanguage() {
        HubClient.Response badDate = report("arrivals.csv?from=2026-13-01", dpo, "Accept-Language", "fr");
        HubClient.Response reversed = report("arrivals.json?from=2026-11-24&to=2026-11-01", dpo);
        HubClient.Response tooLong = report("arrivals.json?from=2024-01-01&to=2026-11-01", dpo);
        HubClient.Response unknown = report("everyone.csv", dpo);
        HubClient.Response noFormat = report("arrivals.xlsx", dpo);

        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.reason()).isEqualTo("REPORT_BAD_DATE");
        assertThat(badDate.json().path("error").path("message").asText()).contains("from", "AAAA-MM-JJ");
        assertThat(reversed.reason()).isEqualTo("REPORT_BAD_RANGE");
        assertThat(tooLong.reason()).isEqualTo("REPORT_RANGE_TOO_LONG");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.reason()).isEqualTo("REPORT_UNKNOWN");
        assertThat(noFormat.reason()).isEqualTo("REPORT_UNKNOWN");
        assertThat(hub.rows("SELECT action FROM access_log WHERE action LIKE 'report-%'")).isEmpty();
    }
}
