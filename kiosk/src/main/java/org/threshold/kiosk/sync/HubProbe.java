package org.threshold.kiosk.sync;

/**
 * One bounded question to the hub: does it answer? Today {@link SyncClient#hubAnswers()} asks with an empty
 * sync batch (the answer is a signed acknowledgement, so it also proves it is this kiosk's hub); a plain
 * {@code GET /health} of the hub's can stand in for it without anything else changing.
 */
@FunctionalInterface
public interface HubProbe {
    /** True if the hub answered within the probe's timeout; never throws for an unreachable hub. */
    boolean answers();
}
