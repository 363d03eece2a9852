package org.threshold.kiosk.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.sync.EventBundle;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.EventLog.PendingEvent;
import org.threshold.kiosk.store.OwnerOnlyFiles;

/**
 * Writes every event the hub has not acknowledged into one signed bundle file ({@link EventBundle}) for a
 * removable drive. Exporting marks nothing as synced: only the hub's signed acknowledgement at the kiosk's
 * next contact does, so a lost or broken drive loses nothing. The file is written beside the target, flushed
 * to the device, then renamed, so a drive pulled out mid-write never holds half a bundle under the final name.
 */
public final class BundleExport {
    private final String kioskId;
    private final SigningKey kioskKey;
    private final EventLog events;
    private final SyncStateFile state;
    private final Clock clock;

    public BundleExport(String kioskId, SigningKey kioskKey, EventLog events, SyncStateFile state, Clock clock) {
        this.kioskId = kioskId;
        this.kioskKey = kioskKey;
        this.events = events;
        this.state = state;
        this.clock = clock;
    }

    /** What went into the bundle: how many events, from which sequence to which (0 and 0 when none). */
    public record Exported(Path file, int events, long firstSequence, long lastSequence, long bytes) {
    }

    public Exported exportTo(Path target) {
        List<PendingEvent> pending = events.unsynced(Integer.MAX_VALUE, Long.MAX_VALUE);
        byte[] bundle = EventBundle.write(kioskId, clock.instant(), pending.stream().map(PendingEvent::envelope)
                .toList(), kioskKey);
        try {
            OwnerOnlyFiles.write(target, bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the bundle to " + target + " (" + e.getMessage()
                    + "). Check that the drive is mounted, writable and not full.", e);
        }
        long first = pending.isEmpty() ? 0 : pending.get(0).sequence();
        long last = pending.isEmpty() ? 0 : pending.get(pending.size() - 1).sequence();
        if (last > 0) {
            SyncStateFile.State now = state.read();
            state.write(new SyncStateFile.State(now.feedCursor(), Math.max(last, now.bundleExportedThrough()),
                    now.settings(), now.catalogueVersion(), now.sealingKey(), now.revocation(), now.revokedTokens()));
        }
        return new Exported(target, pending.size(), first, last, bundle.length);
    }
}
