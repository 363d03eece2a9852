package org.threshold.kiosk.sync;

/**
 * One bounded question to the hub: is it up? {@link HubHealthEndpoint} asks the hub's {@code GET /health}; the
 * status bar's online/offline between syncs follows the answers ({@link HubHealthWatch}).
 */
@FunctionalInterface
public interface HubProbe {
    /** True if the hub answered within the probe's timeout; never throws for an unreachable hub. */
    boolean answers();
}
