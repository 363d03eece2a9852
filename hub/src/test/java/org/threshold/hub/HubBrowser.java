package org.threshold.hub;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the hub's browser tests do again and again: sign in through the form, wait for an element to appear. */
final class HubBrowser {
    static final Duration WAIT = Duration.ofSeconds(20);

    private HubBrowser() {
    }

    /** Signs {@code username} in on the hub at {@code base} and waits to leave the sign-in page. */
    static void signIn(WebDriver driver, String base, String username) {
        driver.get(base + "/");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(HubFixture.PASSWORD + Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.not(ExpectedConditions.urlToBe(base + "/")));
    }

    /** Waits for {@code element}; fails with the page it is missing from. */
    static WebElement waitFor(WebDriver driver, By element) {
        try {
            return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(element));
        } catch (TimeoutException e) {
            throw new AssertionError("No " + element + " at " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(),
                    e);
        }
    }
}
