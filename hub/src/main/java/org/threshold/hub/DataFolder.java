package org.threshold.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The hub's data folder is owner-only (0700), whatever the umask: it holds the hub's private keys and, on SQLite,
 * every household. The files in it are made owner-only by whoever writes them (provisioning, the store).
 */
final class DataFolder {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DataFolder() {
    }

    /** Creates the folder if missing and makes it 0700. */
    static void secure(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            if (POSIX) {
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create or secure the hub's data folder " + dataDir, e);
        }
    }
}
