package org.threshold.provisioning;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.event.ChainPosition;
import org.threshold.hub.app.StoreContents;

/**
 * What a hub backup holds before it is sealed: a manifest (when, which database, its rows and every kiosk's chain
 * head, read in the copy's own snapshot), the database copy, and the data folder's files (keys, certificates,
 * settings), as one ZIP made and read in memory.
 */
record BackupArchive(Manifest manifest, byte[] database, Map<String, byte[]> files) {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = "manifest.json";
    private static final String DATABASE = "database";
    private static final String FILES = "files/";

    BackupArchive {
        files = new TreeMap<>(files);
    }

    /** {@code heads}: kiosk id to sequence and hex hash. */
    record Manifest(int format, String createdAt, String dialect, String schemaVersion, Map<String, Long> rows,
                    Map<String, Head> heads) {
        static Manifest of(String createdAt, StoreContents contents) {
            Map<String, Head> heads = new TreeMap<>();
            contents.heads().forEach((kiosk, head) -> heads.put(kiosk, Head.of(head)));
            return new Manifest(FORMAT, createdAt, contents.dialect(), contents.schemaVersion(),
                    new TreeMap<>(contents.rows()), heads);
        }
    }

    record Head(long sequence, String hash) {
        static Head of(ChainPosition position) {
            return new Head(position.sequence(), Bytes.hex(position.hash()));
        }
    }

    byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(database.length + 64 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, MANIFEST, JSON.writeValueAsBytes(manifest));
            put(zip, DATABASE, database);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(zip, FILES + file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws ProvisioningException if it is not a backup archive this release reads */
    static BackupArchive fromZip(byte[] zip) {
        Manifest manifest = null;
        byte[] database = null;
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                String relative = name.startsWith(FILES) ? name.substring(FILES.length()) : null;
                byte[] content = in.readAllBytes();
                if (name.equals(MANIFEST) && manifest == null) {
                    manifest = JSON.readValue(content, Manifest.class);
                } else if (name.equals(DATABASE) && database == null) {
                    database = content;
                } else if (relative != null && safe(relative) && !files.containsKey(relative)) {
                    files.put(relative, content);
                } else {
                    throw new ProvisioningException("The backup holds an unexpected entry " + name + "; nothing was "
                            + "written.");
                }
            }
        } catch (IOException e) {
            throw new ProvisioningException("The backup's archive cannot be read (" + e.getMessage() + "); nothing "
                    + "was written.");
        }
        if (manifest == null || database == null) {
            throw new ProvisioningException("The backup lacks its " + (manifest == null ? "manifest" : "database")
                    + "; nothing was written.");
        }
        if (manifest.format() != FORMAT) {
            throw new ProvisioningException("The backup is of format " + manifest.format() + ", made by another "
                    + "release; restore it with the release that made it.");
        }
        return new BackupArchive(manifest, database, files);
    }

    /** A relative path inside the data folder: no absolute path, no way out of it. */
    private static boolean safe(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")) {
            return false;
        }
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
