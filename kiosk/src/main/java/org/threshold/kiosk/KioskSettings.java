package org.threshold.kiosk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.threshold.kiosk.retention.Shredder;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.store.StorageGuard;

/**
 * How to run a kiosk.
 *
 * @param dataDir            holds the enrollment files the kiosk reads (kiosk.json, kiosk-key.json,
 *                           operators.json) and everything it writes (kiosk.db, cards/)
 * @param host               the address to serve on; 127.0.0.1 so only the kiosk's own screen reaches it
 * @param port               0 for any free port
 * @param hubUrlOverride     replaces kiosk.json's hub URL when not null (the demo's hub port changes)
 * @param demoMode           the page and status say this is a demonstration
 * @param clock              the kiosk's time and time zone; "today" for dates is in its zone
 * @param syncInterval       background sync every interval; null or zero syncs only on demand
 * @param sessionIdleTimeout an operator session locks after this long without a request
 * @param retention          a local copy is shredded this long after the hub acknowledged it (default 72 h)
 * @param minFreeDiskBytes   below this much free space in the data folder, registration is refused up front
 */
public record KioskSettings(Path dataDir, String host, int port, String hubUrlOverride, boolean demoMode, Clock clock,
                            Duration syncInterval, Duration sessionIdleTimeout, Duration retention,
                            long minFreeDiskBytes) {
    private static final java.util.Set<String> LOOPBACK_HOSTS = java.util.Set.of("127.0.0.1", "::1", "localhost");

    public KioskSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        if (!LOOPBACK_HOSTS.contains(host)) {
            // The local API holds names and unlocks shifts; only the kiosk's own screen may reach it.
            throw new IllegalArgumentException("The kiosk serves on loopback only (127.0.0.1, ::1 or localhost), not "
                    + host);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("A port is 0 (any free one) to 65535, not " + port);
        }
        if (syncInterval != null && syncInterval.isNegative()) {
            throw new IllegalArgumentException("The sync interval cannot be negative");
        }
        if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
            throw new IllegalArgumentException("The session idle timeout must be positive");
        }
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("The retention window cannot be negative");
        }
        if (minFreeDiskBytes < 0) {
            throw new IllegalArgumentException("The free disk space floor cannot be negative");
        }
    }

    public KioskSettings(Path dataDir, String host, int port, String hubUrlOverride, boolean demoMode, Clock clock,
                         Duration syncInterval, Duration sessionIdleTimeout) {
        this(dataDir, host, port, hubUrlOverride, demoMode, clock, syncInterval, sessionIdleTimeout,
                Shredder.DEFAULT_RETENTION, StorageGuard.DEFAULT_MIN_FREE_BYTES);
    }

    public KioskSettings withRetention(Duration newRetention) {
        return new KioskSettings(dataDir, host, port, hubUrlOverride, demoMode, clock, syncInterval,
                sessionIdleTimeout, newRetention, minFreeDiskBytes);
    }

    public KioskSettings withMinFreeDiskBytes(long bytes) {
        return new KioskSettings(dataDir, host, port, hubUrlOverride, demoMode, clock, syncInterval,
                sessionIdleTimeout, retention, bytes);
    }

    /** Settings with the default idle timeout of {@link OperatorSessions#DEFAULT_IDLE_TIMEOUT}. */
    public KioskSettings(Path dataDir, String host, int port, String hubUrlOverride, boolean demoMode, Clock clock,
                         Duration syncInterval) {
        this(dataDir, host, port, hubUrlOverride, demoMode, clock, syncInterval,
                OperatorSessions.DEFAULT_IDLE_TIMEOUT);
    }

    boolean syncsInBackground() {
        return syncInterval != null && !syncInterval.isZero();
    }
}
