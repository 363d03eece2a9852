package org.threshold.kiosk.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way the kiosk creates folders and files: folders 0700, files 0600, whatever the process's umask. A
 * file gets its mode when it is created (a umask can only narrow it), so it is never readable by others, not
 * even for an instant; a folder is also set to exactly 0700, so the kiosk can always write in its own folders.
 * SQLite gives its WAL and shared-memory files the database file's mode, so the database is created here first.
 */
public final class OwnerOnlyFiles {
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code folder} and any missing parents owner-only, or makes an existing one owner-only. */
    public static Path folder(Path folder) throws IOException {
        if (!POSIX) {
            return Files.createDirectories(folder);
        }
        Path absolute = folder.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            Path parent = absolute.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                folder(parent);
            }
            Files.createDirectory(absolute, attribute(FOLDER));
        }
        Files.setPosixFilePermissions(absolute, FOLDER);
        return folder;
    }

    /**
     * Replaces {@code file} with {@code bytes} atomically: a sibling file, owner-only from its creation, synced,
     * then renamed over it. A crash leaves the old content or the new, never half a file.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            createFile(temporary);
            Files.write(temporary, bytes, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Creates an empty owner-only file unless {@code file} exists (SQLite opens an empty file as a new database). */
    public static void createIfMissing(Path file) throws IOException {
        if (!Files.exists(file)) {
            createFile(file);
        }
    }

    /**
     * Makes every folder under {@code root} (and itself) 0700 and every other file 0600: for what earlier versions,
     * an SD-card image or a library (sqlite-jdbc's unpacked native library) left wider. Links are not followed.
     */
    public static void restrictTree(Path root) throws IOException {
        if (!POSIX) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                restrict(dir, FOLDER);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!attributes.isSymbolicLink()) {
                    restrict(file, FILE);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** A temporary file may be renamed or deleted while the tree is walked: then there is nothing to restrict. */
    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (NoSuchFileException gone) {
            // renamed or deleted meanwhile
        }
    }

    private static void createFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, attribute(FILE));
        } else {
            Files.createFile(file);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
