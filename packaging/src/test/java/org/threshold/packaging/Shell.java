package org.threshold.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's tools for the package tests, each with a time limit. */
final class Shell {
    record Result(int exit, String output) {
    }

    private Shell() {
    }

    static Result run(Duration limit, Path directory, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        // Read while it runs: a full pipe would stall it.
        byte[][] output = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                output[0] = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            reader.join();
            throw new IllegalStateException(command + " did not finish within " + limit + ": "
                    + new String(output[0], StandardCharsets.UTF_8));
        }
        reader.join();
        return new Result(process.exitValue(), new String(output[0], StandardCharsets.UTF_8));
    }

    static Result run(Duration limit, String... command) throws IOException, InterruptedException {
        return run(limit, null, List.of(command));
    }

    static boolean succeeds(String... command) throws InterruptedException {
        try {
            return run(Duration.ofMinutes(5), command).exit() == 0;
        } catch (IOException | IllegalStateException notThere) {
            return false;
        }
    }

    /**
     * Whether {@code program} can run, installing Debian's {@code debianPackage} with apt-get first when it is
     * missing and this runs as root (CI containers); false otherwise, for the test to skip with the command.
     */
    static boolean haveOrInstall(String program, String debianPackage) throws InterruptedException {
        if (succeeds("sh", "-c", "command -v " + program)) {
            return true;
        }
        if (!succeeds("sh", "-c", "test \"$(id -u)\" = 0 && command -v apt-get")) {
            return false;
        }
        if (!succeeds("apt-get", "install", "-y", "-qq", debianPackage)) {
            succeeds("apt-get", "update", "-qq");
            succeeds("apt-get", "install", "-y", "-qq", debianPackage);
        }
        return succeeds("sh", "-c", "command -v " + program);
    }
}
