package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.core.testing.Chromium;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * The hub's pages in Chromium, as staff use them (issue 11): a caseworker signs in to their queue, scans a card with a
 * keyboard-wedge scanner (which types the QR payload and Enter), opens the referral, accepts it, notes it and closes
 * it; declines one, first without a reason (refused on the page) then with one; sees an overdue referral marked and
 * an arriving one without a reload; sees a protection officer's consent withdrawal reach their open queue; and a
 * protection officer reads a phone photo of a worn card. One hub and the test JVM's one browser serve the whole class
 * (each test has its own household and signs in afresh); {@code OnPostgres} runs it all on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubPagesChromiumTest {
    /** The bound for a change to reach an open queue without a reload. */
    private static final Duration LIVE = Duration.ofSeconds(5);
    private static final String CASEWORKER = "cw-health";
    private static final String DPO = "dpo";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path photoDir;
    private HubFixture hub;
    private ChromeDriver driver;
    private String base;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    @BeforeAll
    void startHubAndBrowser() {
        Optional<String> missing = Chromium.ensureInstalled();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipping the hub page tests: " + missing.orElse(""));
        hub = HubFixture.start(dataDir, database());
        hub.server().services().accounts().add(CASEWORKER, HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.CASEWORKER, "Health NGO", Set.of("health")));
        hub.server().services().accounts().add(DPO, HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
        base = hub.server().scheme() + "://127.0.0.1:" + hub.server().port();
        driver = Chromium.shared(1280, 900, "en");
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    /** Whoever the last test signed in as is signed out: each test starts at the sign-in form. */
    @BeforeEach
    void signOut() {
        driver.get(base + "/");
        driver.manage().deleteAllCookies();
    }

    @Test
    void aCaseworkerSignsInScansTheCardThenAcceptsNotesAndClosesTheReferral() {
        TestKiosk.Registration household = hub.kiosk.register();
        TestKiosk.Referral referral = referToHealth(household, Urgency.URGENT);

        signIn(CASEWORKER);
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/queue");
        waitFor(By.cssSelector("tr[data-referral='" + referral.id() + "']"));
        driver.get(base + "/scan");
        // A wedge scanner is a keyboard: it types into the focused field and presses Enter. The page focuses its
        // field on load; the scan waits for that, as a person does before pulling the trigger.
        new WebDriverWait(driver, HubBrowser.WAIT).until(page -> "token".equals(page.switchTo().activeElement()
                .getDomAttribute("id")));
        driver.switchTo().activeElement().sendKeys(household.token().qrPayload() + Keys.ENTER);
        waitFor(By.cssSelector("a[data-referral='" + referral.id() + "']")).click();
        waitForStatus("Sent");

        move("ACCEPTED", "");
        waitForStatus("Accepted");
        driver.findElement(By.id("text")).sendKeys("Seen at the clinic desk");
        driver.findElement(By.cssSelector("form.note button")).click();
        waitFor(By.xpath("//ol[@class='history']/li[contains(., 'Note added')]"));
        move("IN_PROGRESS", "");
        waitForStatus("In progress");
        move("CLOSED", "");
        waitForStatus("Closed");

        assertThat(driver.findElements(By.cssSelector("form.transition, form.note"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(TestKiosk.SENSITIVE_NEED);
    }

    @Test
    void theDpoFindsAHouseholdByItsCardRestrictsItAndErasesItAfterConfirming() {
        TestKiosk.Registration household = hub.kiosk.register();
        sync(household, household.event());
        String code = household.token().id().shortCode();

        signIn(DPO);
        driver.get(base + "/dpo/requests");
        driver.findElement(By.id("token")).sendKeys(code + Keys.ENTER);
        waitFor(By.cssSelector("a[href='/dpo/household/" + code + "']")).click();
        waitFor(By.id("restrict-reason")).sendKeys("DSR-2026-070" + Keys.ENTER);
        String restriction = waitFor(By.cssSelector("#restriction.alert")).getText();
        driver.findElement(By.id("erase-reason")).sendKeys("DSR-2026-071" + Keys.ENTER);
        waitFor(By.cssSelector("form.confirm-erase button")).click();
        String done = waitFor(By.cssSelector("main p[role='status']")).getText();

        assertThat(restriction).contains("Processing restricted since", "DSR-2026-070");
        assertThat(done).contains("The household was erased");
        assertThat(hub.client().lookUp(code, hub.client().sessionToken(HubFixture.OFFICER)).status()).isEqualTo(410);
    }

    @Test
    void aDeclineWithoutAReasonIsRefusedOnThePageThenOneWithAReasonIsTaken() {
        TestKiosk.Registration household = hub.kiosk.register();
        TestKiosk.Referral referral = referToHealth(household, Urgency.NORMAL);
        signIn(CASEWORKER);
        driver.get(base + "/referrals/" + referral.id());

        move("DECLINED", "");
        String refusal = waitFor(By.cssSelector("p.problem[role='alert']")).getText();
        assertThat(refusal).contains("Give a reason");
        assertThat(status()).isEqualTo("Sent");

        move("DECLINED", "No capacity at the clinic this week");
        waitForStatus("Declined");
    }

    @Test
    void anOpenQueueShowsAnArrivingReferralWithoutAReloadAndMarksAnOverdueOne() {
        TestKiosk.Registration household = hub.kiosk.register();
        TestKiosk.Referral first = referToHealth(household, Urgency.EMERGENCY);
        // Requested at 09:30, an emergency is due at 10:30; the hub's clock goes past it.
        hub.clock.advance(Duration.ofHours(2));
        signIn(CASEWORKER);
        waitFor(By.cssSelector("tr.overdue[data-referral='" + first.id() + "'] .overdue-mark"));
        markThisPage();

        TestKiosk.Referral second = hub.kiosk.refer(household, "health", Urgency.NORMAL, LegalBasis.CONSENT,
                TestKiosk.SENSITIVE_NEED);
        long sent = System.nanoTime();
        assertThat(hub.client().sync("KIOSK-01", List.of(second.event())).status()).isEqualTo(200);

        waitLive(By.cssSelector("tr[data-referral='" + second.id() + "']"), sent);
        assertThat(stillThisPage()).isTrue();
    }

    @Test
    void aConsentWithdrawalAtTheHubReachesAnOpenQueueWithinSeconds() {
        TestKiosk.Registration household = hub.kiosk.register();
        TestKiosk.Referral referral = referToHealth(household, Urgency.NORMAL);
        signIn(CASEWORKER);
        waitFor(By.cssSelector("tr[data-referral='" + referral.id() + "'][data-status='Sent']"));
        markThisPage();

        // The protection officer works elsewhere: their scan page's form, posted from their own session.
        String officer = "threshold_session=" + hub.client().sessionToken(HubFixture.OFFICER);
        long sent = System.nanoTime();
        HubClient.Response withdrawn = hub.client().post("/lookup/consent", ("token="
                + household.token().id().shortCode() + "&reason=Asked+at+the+desk+to+stop").getBytes(
                StandardCharsets.UTF_8), "Cookie", officer, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(withdrawn.status()).isEqualTo(200);

        waitLive(By.cssSelector("tr[data-referral='" + referral.id() + "'][data-status='Withdrawn']"), sent);
        assertThat(stillThisPage()).isTrue();
    }

    @Test
    void aPhotoOfADegradedCardIsReadFromTheScanPage() throws Exception {
        TestKiosk.Registration household = hub.kiosk.register();
        sync(household, household.event());
        Path photo = photoDir.resolve("card-" + household.token().id().shortCode() + ".jpg");
        // Blurred, turned 7 degrees, noisy and compressed hard: a phone photo of a card carried for weeks.
        Files.write(photo, CardPhotos.photo(CardPhotos.printed(household.token()), 3.0, -7, 3, 16, 0.5f, 7));
        signIn(HubFixture.OFFICER);

        driver.get(base + "/scan");
        driver.findElement(By.id("photo")).sendKeys(photo.toString());
        driver.findElement(By.cssSelector("form[action='/scan/photo'] button")).click();

        waitFor(By.cssSelector("table caption"));
        assertThat(driver.getPageSource()).contains(TestKiosk.ARABIC_GIVEN_NAME,
                household.token().id().shortCode());
    }

    /** The household, registered with a referral to health on its consent, both synced and shown by the pages. */
    private TestKiosk.Referral referToHealth(TestKiosk.Registration household, Urgency urgency) {
        TestKiosk.Referral referral = hub.kiosk.refer(household, "health", urgency, LegalBasis.CONSENT,
                TestKiosk.SENSITIVE_NEED);
        sync(household, household.event(), referral.event());
        return referral;
    }

    /** Syncs the kiosk's events, then has the projection catch up (a lookup does) so the pages show them at once. */
    private void sync(TestKiosk.Registration household, SignedEvent... events) {
        assertThat(hub.client().sync("KIOSK-01", List.of(events)).status()).isEqualTo(200);
        hub.client().lookUp(household.token().id().shortCode(), hub.client().sessionToken(HubFixture.OFFICER));
    }

    private void signIn(String username) {
        HubBrowser.signIn(driver, base, username);
    }

    /** The referral page's transition form: the status, a reason if any, and save. */
    private void move(String status, String reason) {
        new Select(driver.findElement(By.id("status"))).selectByValue(status);
        driver.findElement(By.id("reason")).sendKeys(reason);
        driver.findElement(By.cssSelector("form.transition button")).click();
    }

    private String status() {
        return driver.findElement(By.id("referral")).getDomAttribute("data-status");
    }

    private void waitForStatus(String label) {
        waitFor(By.cssSelector("#referral[data-status='" + label + "']"));
    }

    /** Marks this page: a reload would lose the mark, so finding it later proves the list was redrawn in place. */
    private void markThisPage() {
        driver.executeScript("document.body.dataset.sameDocument = 'yes'");
    }

    private boolean stillThisPage() {
        return "yes".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-same-document"));
    }

    /** Waits for what a change made at {@code sentNanos} should show on an open page, within {@link #LIVE}. */
    private void waitLive(By element, long sentNanos) {
        new WebDriverWait(driver, LIVE).until(ExpectedConditions.presenceOfElementLocated(element));
        assertThat(Duration.ofNanos(System.nanoTime() - sentNanos)).isLessThan(LIVE);
    }

    private org.openqa.selenium.WebElement waitFor(By element) {
        return HubBrowser.waitFor(driver, element);
    }
}
