package org.threshold.hub.web.http;

import org.threshold.hub.app.StoreException;

/**
 * A throwable's types and frames for the log, with messages only from the store's failures: those name the
 * database's error class, never a bound value, while other messages (a driver's among them) may quote data.
 */
final class StackTraces {
    private static final int MAX_FRAMES = 12;
    private static final int MAX_CAUSES = 8;

    private StackTraces() {
    }

    static String withoutMessages(Throwable thrown) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable cause = thrown; cause != null && depth++ < MAX_CAUSES; cause = cause.getCause()) {
            out.append(cause == thrown ? "" : "\n  caused by ").append(cause.getClass().getName());
            if (cause instanceof StoreException) {
                out.append(": ").append(cause.getMessage());
            }
            StackTraceElement[] frames = cause.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                out.append("\n    at ").append(frames[i]);
            }
            if (frames.length > MAX_FRAMES) {
                out.append("\n    ... ").append(frames.length - MAX_FRAMES).append(" more");
            }
        }
        return out.toString();
    }
}
