package org.threshold.hub.app.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.EventBundle;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.kiosk.Kiosk;
import org.threshold.hub.app.kiosk.KioskDirectory;

/**
 * Imports a kiosk's USB bundle ({@link EventBundle}) through the same path as a network batch: the kiosk's
 * signature on the whole file first, then {@link SyncService#ingest} in batches, so verification and idempotency
 * are the network's. Importing a bundle twice stores nothing the second time. The kiosk learns that its
 * events arrived from the acknowledgement at its next contact. Thread-safe.
 */
public final class BundleImport {
    private static final Logger LOG = LoggerFactory.getLogger(BundleImport.class);

    private final SyncService sync;
    private final KioskDirectory kiosks;

    public BundleImport(SyncService sync, KioskDirectory kiosks) {
        this.sync = sync;
        this.kiosks = kiosks;
    }

    /** What an import did; {@code reason} and {@code message} are set when it stopped short. */
    public record Result(String kioskId, int events, int stored, int duplicates, long highestSeq, String reason,
                         String message) {
        public boolean complete() {
            return reason == null;
        }
    }

    /** @throws BundleRejectedException if the file is not a bundle, or not one an enrolled kiosk signed */
    public Result importFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BundleRejectedException("UNREADABLE_BUNDLE", "Could not read " + file + " ("
                    + e.getClass().getSimpleName() + "). Check the drive and the path.");
        }
        return importBytes(bytes);
    }

    public Result importBytes(byte[] bytes) {
        EventBundle bundle;
        try {
            bundle = EventBundle.read(bytes);
        } catch (MalformedEncodingException e) {
            throw new BundleRejectedException("MALFORMED_BUNDLE", "This is not an intact event bundle ("
                    + e.getMessage() + "); nothing was imported. Export it from the kiosk again.");
        }
        Kiosk kiosk = kiosks.find(bundle.kioskId()).orElseThrow(() -> new BundleRejectedException(
                "UNKNOWN_KIOSK", "The bundle is from kiosk " + bundle.kioskId() + ", which is not enrolled with "
                + "this hub; nothing was imported."));
        if (!bundle.signedBy(kiosk.verifyingKey())) {
            throw new BundleRejectedException("BAD_BUNDLE_SIGNATURE", "The bundle is not signed by kiosk "
                    + bundle.kioskId() + "'s key: it was altered or made elsewhere. Nothing was imported; export "
                    + "it from the kiosk again.");
        }
        List<SignedEvent> events = new ArrayList<>(bundle.envelopes().size());
        for (byte[] envelope : bundle.envelopes()) {
            try {
                events.add(SignedEvent.decode(envelope));
            } catch (MalformedEncodingException e) {
                throw new BundleRejectedException("MALFORMED_BUNDLE", "Event " + events.size() + " of the bundle is "
                        + "not an event envelope; nothing was imported.");
            }
        }
        int stored = 0;
        int duplicates = 0;
        long highest = 0;
        for (int from = 0; from < events.size() || from == 0; from += SyncService.MAX_EVENTS) {
            IngestOutcome outcome;
            try {
                outcome = sync.ingest(bundle.kioskId(),
                        events.subList(from, Math.min(events.size(), from + SyncService.MAX_EVENTS)));
            } catch (Refusal e) {
                throw new BundleRejectedException(e.reason(), e.getMessage());
            }
            stored += outcome.stored();
            duplicates += outcome.duplicates();
            highest = outcome.head().sequence();
            if (outcome.rejection().isPresent()) {
                Rejection rejection = outcome.rejection().get();
                Result result = new Result(bundle.kioskId(), events.size(), stored, duplicates, highest,
                        rejection.reason().name(), rejection.message());
                LOG.warn("Bundle from {}: stopped at {} ({}); stored {}", bundle.kioskId(), highest, result.reason(),
                        stored);
                return result;
            }
            if (events.isEmpty()) {
                break;
            }
        }
        LOG.info("Bundle from {} exported {}: {} events, stored {}, duplicates {}, head {}", bundle.kioskId(),
                bundle.exportedAt(), events.size(), stored, duplicates, highest);
        return new Result(bundle.kioskId(), events.size(), stored, duplicates, highest, null, null);
    }

    /** A bundle refused whole: nothing from it was stored. */
    public static final class BundleRejectedException extends RuntimeException {
        private final String reason;

        BundleRejectedException(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
