package org.threshold.kiosk.localdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.LocalKeyFile;
import org.threshold.kiosk.KioskStartException;
import org.threshold.kiosk.store.OperatorKeyStore;
import org.threshold.kiosk.store.OperatorKeyStore.WrappedKey;

/**
 * At start, moves the wraps of the local data key that provisioning wrote ({@code local-key.json},
 * one per operator) into the kiosk's database, then overwrites and deletes the file, so that key
 * destruction (tamper, revocation) has exactly one place to destroy. A kiosk that already holds wraps,
 * or destroyed them, only deletes the file.
 */
public final class LocalKeyImport {
    private static final Logger LOG = LoggerFactory.getLogger(LocalKeyImport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalKeyImport() {
    }

    public static void run(Path dataDir, OperatorKeyStore store, Instant now) {
        Path file = dataDir.resolve(DeploymentLayout.LOCAL_KEY);
        if (!Files.isRegularFile(file)) {
            return;
        }
        LocalKeyFile keyFile;
        try {
            keyFile = JSON.readValue(file.toFile(), LocalKeyFile.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new KioskStartException(file + " is not readable (" + e.getClass().getSimpleName()
                    + "). Enroll the kiosk again, or remove the file to run without shared local keys.", e);
        }
        Map<String, WrappedKey> wraps = new LinkedHashMap<>();
        keyFile.wraps().forEach(wrap -> wraps.put(wrap.operator(),
                new WrappedKey(wrap.wrapped().derivation(), wrap.wrapped().wrappedKey())));
        int stored = store.importWraps(wraps, now);
        if (stored > 0) {
            LOG.info("Stored the local data key wrapped for {} operators", stored);
        }
        shred(file);
    }

    /** Overwrites the file with zeros, syncs, and deletes it. */
    static void shred(Path file) {
        try {
            long size = Files.size(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer zeros = ByteBuffer.allocate(4096);
                for (long written = 0; written < size; ) {
                    zeros.clear().limit((int) Math.min(zeros.capacity(), size - written));
                    written += channel.write(zeros, written);
                }
                channel.force(true);
            }
            Files.delete(file);
        } catch (IOException e) {
            throw new KioskStartException("Could not delete " + file + " after reading it (" + e.getMessage()
                    + "). Check the data folder's permissions.", e);
        }
    }
}
