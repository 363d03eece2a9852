package org.threshold.core.testing;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * System tools that tests need (socat, nginx, haproxy...), from Debian: when the tool is missing and the tests
 * run as root with apt-get (CI containers and the development machines), it is installed, after
 * {@code apt-get update} if the package lists are stale; otherwise the calling test is skipped with the command
 * that installs it. So {@code mvn -B verify} runs these tests wherever it can.
 */
public final class DebianPackages {
    private static final long APT_TIMEOUT_SECONDS = 300;

    private DebianPackages() {
    }

    /**
     * Waits for another apt-get to finish rather than fail at once: test JVMs side by side (two per module, two
     * modules at a time) may each install what they need at the same moment.
     */
    public static final String WAIT_FOR_LOCK = "-oDPkg::Lock::Timeout=300";

    /** Makes sure {@code command} is on the PATH, installing {@code packages} if needed, or skips the test. */
    public static void require(String command, String... packages) {
        String install = "apt-get install -y " + String.join(" ", packages);
        try {
            if (runs("sh", "-c", "command -v " + command)) {
                return;
            }
            if (!runs("sh", "-c", "[ \"$(id -u)\" = 0 ] && command -v apt-get")) {
                abort(command + " is not installed and these tests are not running as root on Debian, so they cannot"
                        + " install it: run `sudo " + install + "` and test again");
            }
            List<String> apt = new ArrayList<>(List.of("apt-get", WAIT_FOR_LOCK, "install", "-y", "-q"));
            apt.addAll(List.of(packages));
            String[] aptCommand = apt.toArray(String[]::new);
            if (!runs(aptCommand) && !(runs("apt-get", "update", "-q") && runs(aptCommand))) {
                abort("`" + install + "` failed (offline?): install it by hand to run this test");
            }
        } catch (IOException e) {
            abort("could not look for " + command + " (" + e.getMessage() + "): run `sudo " + install + "`");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort("interrupted while installing " + command);
        }
    }

    private static boolean runs(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(APT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }
}
