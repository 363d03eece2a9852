package org.threshold.kiosk.page;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reception operator at the kiosk who counts what they do: every tap and every key pressed, for a
 * Keystroke-Level-Model estimate of the time it takes (no thinking time).
 */
final class Operator {
    static final double TAP_SECONDS = 0.9;
    static final double KEYSTROKE_SECONDS = 0.28;

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private int taps;
    private int keystrokes;

    Operator(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Waits for the element to be visible and enabled, then taps it. */
    WebElement tap(By target) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
        element.click();
        taps++;
        return element;
    }

    /** Types into whatever has focus, as a physical keyboard (or a keyboard-wedge scanner) does. */
    void type(String text) {
        driver.switchTo().activeElement().sendKeys(text);
        keystrokes += text.codePointCount(0, text.length());
    }

    void press(Keys key) {
        driver.switchTo().activeElement().sendKeys(key);
        keystrokes++;
    }

    WebElement waitFor(By target) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    int taps() {
        return taps;
    }

    int keystrokes() {
        return keystrokes;
    }

    double seconds() {
        return taps * TAP_SECONDS + keystrokes * KEYSTROKE_SECONDS;
    }

    void reset() {
        taps = 0;
        keystrokes = 0;
    }
}
