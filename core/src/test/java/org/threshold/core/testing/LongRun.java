package org.threshold.core.testing;

/**
 * How many rounds a fault or kill loop runs. {@code mvn -B verify} runs the quick count, enough for every assertion to
 * mean something, so the build stays inside its 15 minutes; {@code -Dthreshold.long=true} runs the full count (README,
 * "Longer runs"), and a test's own property (e.g. {@code -Dthreshold.crash.kills=1000}) sets it exactly.
 */
public final class LongRun {
    public static final String FLAG = "threshold.long";

    private LongRun() {
    }

    /** {@code property} if set, else {@code full} under {@code -Dthreshold.long=true}, else {@code quick}. */
    public static int rounds(String property, int quick, int full) {
        return Integer.getInteger(property, Boolean.getBoolean(FLAG) ? full : quick);
    }
}
