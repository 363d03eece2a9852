package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.core.testing.Chromium;

/**
 * Each report on the reports page in Chromium, as a coordinator sees it: every figure's chart is drawn (bars of some
 * size, in the browser's layout) beside its table, the pyramid is a pyramid (men and women on either side of the
 * bracket labels, mirrored in Arabic), and a screenshot of each report is kept under
 * {@code hub/target/screenshots/}. {@code OnPostgres} runs it on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesChromiumTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> REPORTS = List.of("arrivals", "age-sex", "needs", "referrals");
    private static final String WINDOW = "?from=2026-11-01&to=2026-11-30";

    @TempDir
    static Path dataDir;
    private HubFixture hub;
    private ChromeDriver driver;
    private String base;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    String store() {
        return "sqlite";
    }

    /** The pages only read: one hub with its figures serves both tests. */
    @BeforeAll
    void start() {
        Optional<String> missing = Chromium.ensureInstalled();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipping the report page tests: " + missing.orElse(""));
        hub = HubFixture.start(dataDir, database());
        List<TestKiosk.Registration> families = ReportScenario.registerSixFamiliesAndOneGrandmother(hub);
        // Six emergency referrals to health, overdue two hours later: a service with figures to draw.
        for (TestKiosk.Registration family : families) {
            hub.client().sync("KIOSK-01", List.of(hub.kiosk.refer(family, "health", Urgency.EMERGENCY,
                    LegalBasis.CONSENT, TestKiosk.SENSITIVE_NEED).event()));
        }
        ReportScenario.catchUp(hub, families.get(0));
        hub.clock.advance(Duration.ofHours(2));
        base = hub.server().scheme() + "://127.0.0.1:" + hub.server().port();
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void eachReportIsDrawnBesideItsTable() throws Exception {
        open("en");

        for (String report : REPORTS) {
            WebElement section = driver.findElement(By.id(report));
            assertThat(section.findElements(By.cssSelector(".figures table tbody tr"))).as(report).isNotEmpty();
            List<WebElement> bars = section.findElements(By.cssSelector("svg.chart rect.bar, svg.chart rect.segment"));
            assertThat(bars).as(report).isNotEmpty();
            assertThat(bars.stream().mapToInt(bar -> bar.getRect().getWidth()).max().orElse(0)).as(report)
                    .isGreaterThan(50);
            screenshot(section, "en", report);
        }
        assertThat(driver.findElement(By.id("age-sex")).getText()).contains("suppressed");
    }

    @Test
    void thePyramidIsAPyramidMirroredInArabic() throws Exception {
        open("en");
        double englishMen = centre("g.men rect.bar");
        double englishWomen = centre("g.women rect.bar");
        open("ar");
        double arabicMen = centre("g.men rect.bar");
        double arabicWomen = centre("g.women rect.bar");

        assertThat(englishMen).isLessThan(englishWomen);
        assertThat(arabicMen).isGreaterThan(arabicWomen);
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        for (String report : REPORTS) {
            screenshot(driver.findElement(By.id(report)), "ar", report);
        }
    }

    private void open(String language) {
        driver = Chromium.shared(1280, 2400, language);
        driver.get(base + "/");
        driver.findElement(By.id("username")).sendKeys(ReportScenario.DPO);
        driver.findElement(By.id("password")).sendKeys(HubFixture.PASSWORD + Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlToBe(
                base + "/")));
        driver.get(base + "/reports" + WINDOW);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("svg.pyramid")));
    }

    /** The horizontal centre, on screen, of the first shape matching {@code selector} in the pyramid. */
    private double centre(String selector) {
        var rect = driver.findElement(By.cssSelector("svg.pyramid " + selector)).getRect();
        return rect.getX() + rect.getWidth() / 2.0;
    }

    private void screenshot(WebElement section, String language, String report) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = section.getScreenshotAs(OutputType.BYTES);
        assertThat(png.length).isGreaterThan(1000);
        Files.write(SCREENSHOTS.resolve("report-" + store() + "-" + language + "-" + report + ".png"), png);
    }
}
