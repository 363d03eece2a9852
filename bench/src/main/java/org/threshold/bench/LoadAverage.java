package org.threshold.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average (1, 5 and 15 minutes) as the kernel reports it, printed beside each figure: on two
 * shared cores a figure taken at load 2 and one at load 16 are not the same measurement.
 */
public final class LoadAverage {
    private static final Path PROC = Path.of("/proc/loadavg");

    private LoadAverage() {
    }

    /** {@code "load 1.52 1.20 0.98"}, or the JVM's one-minute figure where /proc is not there. */
    public static String now() {
        try {
            String[] fields = Files.readString(PROC).trim().split("\\s+");
            return "load " + fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return String.format("load %.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }
}
