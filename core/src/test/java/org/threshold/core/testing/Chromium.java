package org.threshold.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver for the browser tests of the kiosk's and the hub's pages (in core's test-jar so
 * both share it). When they are missing and the tests run as root on Debian (CI), they are installed with apt;
 * otherwise the tests are skipped with the command to run.
 */
public final class Chromium {
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final String INSTALL = "apt-get install -y chromium chromium-driver fonts-dejavu-core";
    private static final Duration APT_LIMIT = Duration.ofMinutes(8);

    private Chromium() {
    }

    /** Empty when Chromium is ready; otherwise why it is not, with what to do. */
    public static Optional<String> ensureInstalled() {
        if (ready()) {
            return Optional.empty();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return Optional.of("Chromium is not installed: run `sudo " + INSTALL + "` to run the page tests");
        }
        if (!run(List.of("sh", "-c", INSTALL)) && !(run(List.of("apt-get", "update")) && run(List.of("sh", "-c", INSTALL)))) {
            return Optional.of("Installing Chromium with `" + INSTALL + "` failed; install it by hand to run these tests");
        }
        return ready() ? Optional.empty() : Optional.of("Chromium is still missing after `" + INSTALL + "`");
    }

    private static boolean ready() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    public static boolean run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(APT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The page's viewport exactly (a headless window's size is not its viewport's). */
    public static void resize(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * Headless, with a fresh profile, at {@code width} x {@code height} (the kiosk's screen, a phone, a desk), with
     * {@code extraArguments} (e.g. {@code --accept-lang=ar} for a browser set to Arabic).
     */
    public static ChromeDriver start(Path profile, int width, int height, String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height, "--hide-scrollbars", "--force-device-scale-factor=1");
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        resize(driver, width, height);
        return driver;
    }
}
