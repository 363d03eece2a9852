package org.threshold.hub.enrollment;

/** Whether the administrator revoked a kiosk; sync ingest asks on every batch. Thread-safe. */
@FunctionalInterface
public interface KioskRevocations {
    KioskRevocations NONE = kioskId -> false;

    boolean isRevoked(String kioskId);
}
