package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.core.testing.Chromium;

/**
 * The hub's pages in Chromium, as staff use them: signing in, scanning a card with a keyboard-wedge scanner (which
 * types the QR payload and Enter), and a phone photo of a worn card uploaded from the scan page.
 */
class HubPagesChromiumTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path browserDir;
    private HubFixture hub;
    private ChromeDriver driver;
    private String base;
    private TestKiosk.Registration registration;

    @BeforeEach
    void start() {
        Optional<String> missing = Chromium.ensureInstalled();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipping the hub page tests: " + missing.orElse(""));
        hub = HubFixture.start(dataDir);
        registration = hub.kiosk.register();
        hub.client().sync("KIOSK-01", List.of(registration.event()));
        base = hub.server().scheme() + "://127.0.0.1:" + hub.server().port();
        driver = Chromium.start(browserDir.resolve("profile"), 1280, 900);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void signInThenScanACardWithAWedgeScanner() {
        signIn(HubFixture.OFFICER);

        driver.get(base + "/scan");
        // A wedge scanner is a keyboard: it types into the focused field and presses Enter.
        driver.switchTo().activeElement().sendKeys(registration.token().qrPayload() + Keys.ENTER);

        waitFor(By.cssSelector("table caption"));
        assertThat(driver.getPageSource()).contains(TestKiosk.ARABIC_GIVEN_NAME);
    }

    @Test
    void aPhotoOfADegradedCardIsReadFromTheScanPageInTheBrowsersLanguage() throws Exception {
        driver.quit();
        driver = Chromium.start(browserDir.resolve("arabic-profile"), 1280, 900, "--accept-lang=ar");
        Path photo = browserDir.resolve("card.jpg");
        Files.write(photo, CardPhotos.photo(CardPhotos.printed(registration.token()), 3.0, -7, 3, 16, 0.5f, 7));
        signIn(HubFixture.OFFICER);

        driver.get(base + "/scan");
        driver.findElement(By.id("photo")).sendKeys(photo.toString());
        driver.findElement(By.cssSelector("form[action='/scan/photo'] button")).click();

        waitFor(By.cssSelector("table caption"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(driver.getPageSource()).contains(TestKiosk.ARABIC_GIVEN_NAME,
                registration.token().id().shortCode());
    }

    @Test
    void anOpenQueueShowsAnArrivingReferralWithoutAReloadAndMarksAnOverdueOne() {
        hub.server().services().accounts().add("cw-health", HubFixture.PASSWORD.toCharArray(),
                new org.threshold.hub.app.account.Accounts.Grant(org.threshold.hub.app.account.Role.CASEWORKER,
                        "Health NGO", java.util.Set.of("health")));
        TestKiosk.Referral first = hub.kiosk.refer(registration, "health", Urgency.EMERGENCY, LegalBasis.CONSENT,
                TestKiosk.SENSITIVE_NEED);
        hub.client().sync("KIOSK-01", List.of(first.event()));
        hub.clock.advance(java.time.Duration.ofHours(2));
        signIn("cw-health");
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/queue");
        waitFor(By.cssSelector("tr.overdue[data-referral='" + first.id() + "'] .overdue-mark"));
        // Marks this page: a reload would lose it, so finding it later proves the list was redrawn in place.
        driver.executeScript("document.body.dataset.sameDocument = 'yes'");

        TestKiosk.Referral second = hub.kiosk.refer(registration, "health", Urgency.NORMAL, LegalBasis.CONSENT,
                TestKiosk.SENSITIVE_NEED);
        long sent = System.nanoTime();
        hub.client().sync("KIOSK-01", List.of(second.event()));

        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-referral='" + second.id() + "']")));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
        assertThat(driver.findElement(By.tagName("body")).getDomAttribute("data-same-document")).isEqualTo("yes");
    }

    private void signIn(String username) {
        HubBrowser.signIn(driver, base, username);
    }

    private void waitFor(By element) {
        HubBrowser.waitFor(driver, element);
    }
}
