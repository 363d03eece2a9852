package org.threshold.provisioning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes deployment files atomically (temp file, then rename), owner-only from the first byte whatever the
 * umask: the permissions are set on the empty temp file, never after content is in it. The hub's and kiosks'
 * data folders are made owner-only (0700) and every file in them 0600; only the Raspberry Pi's system files
 * ({@link PiFiles}) take other permissions.
 */
final class DeploymentFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DeploymentFiles() {
    }

    static final String OWNER_ONLY = "rw-------";

    /** A JSON file in a data folder: owner-only, like everything there. */
    static void writeSecret(Path file, Object value) {
        write(file, value, OWNER_ONLY);
    }

    /** Creates {@code folder} (and missing parents) and makes it 0700. */
    static void ownerOnlyFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            if (POSIX) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + folder + ": " + e.getMessage()
                    + ". Check that its parent exists and is writable by this user.", e);
        }
    }

    /** Text (PEM, unit files, scripts) with the given POSIX permissions, e.g. {@code rw-------}. */
    static void writeText(Path file, String text, String permissions) {
        writeBytes(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), permissions);
    }

    static void writeBytes(Path file, byte[] bytes, String permissions) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp);
            if (POSIX) {
                // After creation: the umask would mask a mode given at creation.
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
            }
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage()
                    + ". Check that the folder exists and is writable by this user.", e);
        }
    }

    private static void write(Path file, Object value, String permissions) {
        try {
            writeBytes(file, JSON.writeValueAsBytes(value), permissions);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
