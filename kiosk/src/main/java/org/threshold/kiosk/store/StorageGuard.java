package org.threshold.kiosk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.i18n.Messages;

/**
 * Whether the kiosk may take new data: its database passed {@code integrity_check} (run at start after
 * an unclean shutdown, noticed by the marker file {@code kiosk.running} that only a clean stop removes)
 * and its disk has room. Checked before a registration touches the database, so a full disk is a clear
 * refusal up front and never a half-written record. Thread-safe.
 */
public final class StorageGuard {
    public static final String MARKER_FILE = "kiosk.running";
    /** Room for several thousand registrations, their WAL and a checkpoint; a Pi's SD card fills slowly. */
    public static final long DEFAULT_MIN_FREE_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(StorageGuard.class);

    public enum LastShutdown { CLEAN, UNCLEAN, FIRST_START }

    /** For {@code /api/status}: no personal data. {@code integrityCheck} is "ok", "not run" or SQLite's findings. */
    public record Health(LastShutdown lastShutdown, String integrityCheck, Instant checkedAt, long usableBytes,
                         long minFreeBytes, boolean diskLow, String problem) {
    }

    private final Path dataDir;
    private final long minFreeBytes;
    private final LastShutdown lastShutdown;
    private final List<String> integrity;
    private final Instant checkedAt;

    private StorageGuard(Path dataDir, long minFreeBytes, LastShutdown lastShutdown, List<String> integrity,
                         Instant checkedAt) {
        this.dataDir = dataDir;
        this.minFreeBytes = minFreeBytes;
        this.lastShutdown = lastShutdown;
        this.integrity = integrity;
        this.checkedAt = checkedAt;
    }

    /**
     * Reads how the kiosk last stopped, runs {@code integrity_check} if that was unclean, and sets the
     * marker for this run. {@code firstStart} is whether the database file was created just now.
     */
    public static StorageGuard atStart(Path dataDir, KioskDatabase database, boolean firstStart, long minFreeBytes,
                                       Instant now) {
        Path marker = dataDir.resolve(MARKER_FILE);
        LastShutdown last = firstStart ? LastShutdown.FIRST_START
                : Files.exists(marker) ? LastShutdown.UNCLEAN : LastShutdown.CLEAN;
        List<String> integrity = List.of();
        if (last == LastShutdown.UNCLEAN) {
            integrity = database.integrityCheck();
            if (integrity.equals(List.of("ok"))) {
                LOG.warn("The kiosk was not stopped cleanly last time; integrity_check: ok");
            } else {
                LOG.error("The kiosk was not stopped cleanly last time and integrity_check found {} problems; "
                        + "registration is refused until the database is recovered", integrity.size());
            }
        }
        try {
            OwnerOnlyFiles.write(marker, now.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new StoreException("Could not write " + marker + " (" + e.getMessage()
                    + "). Check that the data folder is writable and the disk is not full.", e);
        }
        return new StorageGuard(dataDir, minFreeBytes, last, integrity, now);
    }

    /** Marks the stop as clean; call after the database is closed. */
    public void stoppedCleanly() {
        try {
            Files.deleteIfExists(dataDir.resolve(MARKER_FILE));
        } catch (IOException e) {
            LOG.warn("Could not remove {}; the next start will run integrity_check", MARKER_FILE);
        }
    }

    /** @throws StorageRefusedException if new data must not be taken now, saying why and what to do */
    public void requireWritable() {
        if (!integrityOk()) {
            throw new StorageRefusedException(503, "STORE_DAMAGED", Map.of());
        }
        long usable = usableBytes();
        if (usable < minFreeBytes) {
            throw new StorageRefusedException(507, "DISK_SPACE_LOW", diskLowArgs(usable));
        }
    }

    public Health health() {
        long usable = usableBytes();
        boolean low = usable < minFreeBytes;
        String problem = !integrityOk() ? "The database failed its integrity check; registration is refused."
                : low ? Messages.of(Messages.ERRORS, Messages.ENGLISH).format("error.DISK_SPACE_LOW", diskLowArgs(usable))
                : null;
        String check = lastShutdown != LastShutdown.UNCLEAN ? "not run" : String.join("; ", integrity);
        return new Health(lastShutdown, check, checkedAt, usable, minFreeBytes, low, problem);
    }

    private boolean integrityOk() {
        return lastShutdown != LastShutdown.UNCLEAN || integrity.equals(List.of("ok"));
    }

    private Map<String, Object> diskLowArgs(long usable) {
        return Map.of("free", usable / (1024 * 1024), "needed", minFreeBytes / (1024 * 1024));
    }

    private long usableBytes() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
