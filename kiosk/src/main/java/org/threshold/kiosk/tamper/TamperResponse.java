package org.threshold.kiosk.tamper;

/**
 * What the kiosk does when its case is opened. The hardware's tamper switch (a GPIO input through the
 * {@code hardware} module's port) calls this; so does the simulated trigger. Must be fast and must
 * not throw: it may be called from a GPIO listener thread.
 */
@FunctionalInterface
public interface TamperResponse {
    /** @param source where the signal came from, for the log ("gpio", "simulated"); never personal data */
    void tamperDetected(String source);
}
