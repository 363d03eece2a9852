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
 * Writes deployment files atomically (temp file, then rename), secrets owner-only from the first
 * byte: the permissions are set when the temp file is created, never after content is in it.
 */
final class DeploymentFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DeploymentFiles() {
    }

    static void writeSecret(Path file, Object value) {
        write(file, value, "rw-------");
    }

    static void writePublic(Path file, Object value) {
        write(file, value, "rw-r--r--");
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
            if (POSIX) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
            } else {
                Files.createFile(temp);
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
