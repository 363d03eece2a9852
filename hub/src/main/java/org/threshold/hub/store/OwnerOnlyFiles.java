package org.threshold.hub.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the SQLite file owner-only (0600) before SQLite does, whatever the umask (the mode is set after creation,
 * while the file is still empty, since the umask masks the mode given at creation): SQLite gives its WAL and
 * shared-memory files the database file's permissions, so they follow.
 */
final class OwnerOnlyFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    static void createFileIfMissing(Path file) throws java.sql.SQLException {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                if (POSIX) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                }
            }
            Files.createFile(file);
            if (POSIX) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (FileAlreadyExistsException exists) {
            // Made at an earlier start; its permissions were set then.
        } catch (IOException e) {
            throw new java.sql.SQLException("cannot create " + file.getFileName() + ": " + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** An empty owner-only file for a copy of the database to go into; refuses one that holds anything. */
    static void createEmptyFile(Path file) throws java.sql.SQLException {
        createFileIfMissing(file);
        try {
            if (Files.size(file) > 0) {
                throw new java.sql.SQLException(file + " already exists and is not empty");
            }
        } catch (IOException e) {
            throw new java.sql.SQLException("cannot read " + file.getFileName() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Copies {@code source} into {@code target}, a database file that must not exist yet (or be empty), created
     * owner-only before the first byte goes in.
     */
    static void fillEmpty(Path target, Path source) {
        try {
            createEmptyFile(target);
            try (var out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                Files.copy(source, out);
            }
        } catch (java.sql.SQLException | IOException e) {
            throw new org.threshold.hub.app.StoreException("Could not restore the database into " + target + " ("
                    + e.getMessage() + "). Restore fills an empty data folder only.", e);
        }
    }
}
