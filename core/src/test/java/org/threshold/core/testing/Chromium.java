package org.threshold.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
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
    private static ChromeDriver shared;

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
        String install = INSTALL.replace("apt-get ", "apt-get " + DebianPackages.WAIT_FOR_LOCK + " ");
        if (!run(List.of("sh", "-c", install)) && !(run(List.of("apt-get", "update")) && run(List.of("sh", "-c", install)))) {
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
     * The test JVM's one browser, started on first use and quit when the JVM exits (a start is seconds of a loaded
     * machine's time, once per test class before), handed over as a new one would be: no cookies, a blank page, at
     * {@code width} x {@code height}, with {@code language} as the language the browser asks for (as
     * {@code --accept-lang} would).
     */
    public static synchronized ChromeDriver shared(int width, int height, String language) {
        if (shared == null) {
            Path profile;
            try {
                profile = Files.createTempDirectory("threshold-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeDriver started = start(profile, width, height);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.quit();
                deleteTree(profile);
            }, "chromium-quit"));
            shared = started;
        }
        shared.get("about:blank");
        shared.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        speak(shared, language);
        resize(shared, width, height);
        return shared;
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // The JVM is exiting; a profile left in the temporary folder harms nothing.
        }
    }

    /** The language the browser asks pages for, in the Accept-Language header and {@code navigator.languages}. */
    public static void speak(ChromeDriver driver, String language) {
        Object userAgent = driver.executeCdpCommand("Browser.getVersion", Map.of()).get("userAgent");
        driver.executeCdpCommand("Emulation.setUserAgentOverride",
                Map.of("userAgent", String.valueOf(userAgent), "acceptLanguage", language));
    }

    /** Headless, with a fresh profile, at {@code width} x {@code height} (the kiosk's screen, a phone, a desk). */
    public static ChromeDriver start(Path profile, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height, "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        resize(driver, width, height);
        return driver;
    }
}
