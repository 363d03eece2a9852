package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.threshold.core.testing.Chromium;

/**
 * The search and duplicate pages in Chromium, as a supervisor uses them: a name typed in Latin letters finds the
 * family registered in Arabic at one kiosk and in Latin at another; the queue holds the pair; its page shows both,
 * and a merge and its undoing are a click each; in Arabic the pages read right to left.
 */
class DuplicatePagesChromiumTest extends DuplicateScenario {
    private ChromeDriver driver;
    private String base;

    @BeforeEach
    void startBrowser() {
        Optional<String> missing = Chromium.ensureInstalled();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipping the duplicate page tests: " + missing.orElse(""));
        base = hub.server().scheme() + "://127.0.0.1:" + hub.server().port();
        driver = Chromium.shared(1280, 900, "en");
    }

    @Test
    void aNameInLatinLettersFindsBothRegistrationsOnTheSearchPage() {
        signIn("supervisor-health");
        driver.get(base + "/search");
        driver.findElement(By.id("name")).sendKeys("Nourhan" + Keys.ENTER);

        waitFor(By.cssSelector("section.found"));
        assertThat(driver.findElements(By.cssSelector("section.found"))).hasSize(2);
        assertThat(driver.getPageSource()).contains(TestKiosk.ARABIC_GIVEN_NAME, twin.token().id().shortCode())
                .doesNotContain(TestKiosk.SENSITIVE_NEED);
    }

    @Test
    void aSupervisorComparesThePairMergesItAndUndoesTheMerge() {
        signIn("supervisor-health");
        driver.get(base + "/duplicates");
        driver.findElement(By.linkText("Compare")).click();

        waitFor(By.cssSelector("section.side"));
        assertThat(driver.getPageSource()).contains(TestKiosk.ARABIC_GIVEN_NAME, "Al-Zoubi")
                .doesNotContain(TestKiosk.OPEN_NEED, TestKiosk.SENSITIVE_NEED);
        driver.findElements(By.cssSelector("form[action$='/merge'] button")).get(0).click();

        waitFor(By.cssSelector("form[action$='/unmerge']"));
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Merged");
        driver.findElement(By.cssSelector("form[action$='/unmerge'] button")).click();

        waitFor(By.cssSelector("form[action$='/dismiss']"));
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Open");
        assertThat(hub.count("household_merges")).isZero();
    }

    @Test
    void theQueueReadsRightToLeftInArabicAndNamesNobody() {
        Chromium.speak(driver, "ar");
        signIn(HubFixture.OFFICER);
        driver.get(base + "/duplicates");

        waitFor(By.cssSelector("table caption"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(driver.getPageSource()).contains("تكرارات محتملة", "الاسم نفسه")
                .doesNotContain(TestKiosk.ARABIC_GIVEN_NAME, "Nourhan");
    }

    private void signIn(String username) {
        HubBrowser.signIn(driver, base, username);
    }

    private void waitFor(By element) {
        HubBrowser.waitFor(driver, element);
    }
}
