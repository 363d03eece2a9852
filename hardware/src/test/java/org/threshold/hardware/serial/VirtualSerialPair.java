package org.threshold.hardware.serial;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two pseudo-terminals joined by {@code socat}: what one end writes, the other reads, with a real tty
 * driver in between, so serial drivers run for real without hardware.
 *
 * <p>socat comes from Debian. When it is missing and the tests run as root (CI containers and the
 * development machines do), {@link #start} installs it with {@code apt-get install -y socat}, running
 * {@code apt-get update} first if the package lists are stale; otherwise the calling test is skipped,
 * saying how to install it. {@code mvn -B verify} therefore runs the serial tests wherever it can.
 */
public final class VirtualSerialPair implements AutoCloseable {

    private static final long INSTALL_TIMEOUT_SECONDS = 300;
    private static final long START_TIMEOUT_SECONDS = 10;

    private final Process socat;
    public final Path deviceEnd;
    public final Path hostEnd;

    private VirtualSerialPair(Process socat, Path deviceEnd, Path hostEnd) {
        this.socat = socat;
        this.deviceEnd = deviceEnd;
        this.hostEnd = hostEnd;
    }

    public static VirtualSerialPair start(Path folder) throws IOException, InterruptedException {
        ensureSocat();
        Path deviceEnd = folder.resolve("device");
        Path hostEnd = folder.resolve("host");
        Process socat = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + deviceEnd, "pty,raw,echo=0,link=" + hostEnd)
                .redirectErrorStream(true).start();
        awaitTransferLoop(socat);
        return new VirtualSerialPair(socat, deviceEnd, hostEnd);
    }

    /** socat logs "starting data transfer loop" once both ends exist; nothing is ready before. */
    private static void awaitTransferLoop(Process socat) throws IOException, InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        BufferedReader log = new BufferedReader(new InputStreamReader(socat.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = log.readLine()) != null) {
                    if (line.contains("starting data transfer loop")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // socat ended: close() ran, or start() reports it below
            }
        }, "socat-log");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !socat.isAlive()) {
            socat.destroyForcibly();
            throw new IOException("socat did not join the two terminals within " + START_TIMEOUT_SECONDS + " s");
        }
    }

    private static void ensureSocat() throws IOException, InterruptedException {
        if (run(List.of("sh", "-c", "command -v socat"))) {
            return;
        }
        if (!run(List.of("sh", "-c", "[ \"$(id -u)\" = 0 ] && command -v apt-get"))) {
            abort("socat is not installed and these tests are not running as root on Debian, so they cannot"
                    + " install it: run `sudo apt-get install -y socat` and test again");
        }
        // Waits for another apt-get (a test JVM beside this one installing the same) instead of failing at once.
        List<String> install = List.of("apt-get", "-oDPkg::Lock::Timeout=300", "install", "-y", "-q", "socat");
        if (!run(install) && !(run(List.of("apt-get", "update", "-q")) && run(install))) {
            abort("apt-get could not install socat (offline?); install it by hand to run the serial tests");
        }
    }

    private static boolean run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    /** Unplugs both ends at once, as pulling a cable would. */
    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
