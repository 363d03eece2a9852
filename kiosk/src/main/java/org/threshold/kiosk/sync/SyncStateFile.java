package org.threshold.kiosk.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.threshold.core.sync.FeedUpdate;
import org.threshold.kiosk.store.OwnerOnlyFiles;

/**
 * What the kiosk learnt from the hub's update feed, and its feed cursor: {@code sync-state.json} in the data
 * folder, replaced atomically (written beside, synced, renamed) so a power cut leaves the old or the new one.
 * Holds no secret and no personal data. Thread-safe.
 */
public final class SyncStateFile {
    public static final String FILE = "sync-state.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The state; null fields mean "never told". */
    public record State(long feedCursor, long bundleExportedThrough, FeedUpdate.KioskSettings settings,
                        String catalogueVersion, FeedUpdate.SealingKey sealingKey, FeedUpdate.RevocationOrder revocation,
                        List<String> revokedTokens) {
        public State {
            revokedTokens = revokedTokens == null ? List.of() : List.copyOf(revokedTokens);
        }

        static State empty() {
            return new State(0, 0, null, null, null, null, List.of());
        }
    }

    private final Path file;

    public SyncStateFile(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public synchronized State read() {
        if (!Files.isRegularFile(file)) {
            return State.empty();
        }
        try {
            return JSON.readValue(file.toFile(), State.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The kiosk's " + FILE + " is unreadable; delete it and the kiosk "
                    + "reads the hub's update feed again from the start", e);
        }
    }

    public synchronized void write(State state) {
        try {
            OwnerOnlyFiles.write(file, JSON.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + FILE + " (" + e.getMessage() + ")", e);
        }
    }
}
