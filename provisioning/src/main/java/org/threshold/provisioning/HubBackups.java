package org.threshold.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.threshold.core.crypto.BackupEnvelope;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.UnsealException;
import org.threshold.core.deployment.BackupKeyFile;
import org.threshold.core.deployment.BackupPublicKeyFile;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubServices;
import org.threshold.hub.HubStartupException;
import org.threshold.hub.app.StoreContents;
import org.threshold.hub.deployment.HubLayout;

/**
 * {@code provision backup} and {@code restore}: the hub's database copied in one snapshot while the hub runs (through
 * the hub's services), with the data folder's files, sealed to the deployment's offline backup key; and that archive
 * opened, checked whole, and put back into an empty data folder and database, then checked against its manifest.
 */
final class HubBackups {
    private static final String WORK_PREFIX = ".backup-";
    private static final String RESTORE_COPY = ".restore-database";

    private HubBackups() {
    }

    record Made(BackupArchive.Manifest manifest, int files, long bytes, String sealedTo) {
    }

    record Restored(BackupArchive.Manifest manifest, StoreContents contents, int files) {
    }

    static Made backUp(HubOption hub, Path out, Instant now) {
        Path hubDir = hub.hubDir.toAbsolutePath();
        if (out.toAbsolutePath().normalize().startsWith(hubDir.normalize())) {
            throw new ProvisioningException("Give --out a file outside the hub's data folder " + hubDir
                    + ": a backup kept beside the hub is lost with it.");
        }
        try (HubData data = HubData.open(hub)) {
            SealingPublicKey backupKey = backupPublicKey(hubDir);
            Path work = Files.createTempDirectory(hubDir, WORK_PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try {
                Path copy = work.resolve("database");
                StoreContents contents = data.services().dumpStoreTo(copy);
                Map<String, byte[]> files = dataFolderFiles(hubDir);
                BackupArchive archive = new BackupArchive(BackupArchive.Manifest.of(now.toString(), contents),
                        Files.readAllBytes(copy), files);
                byte[] sealed = BackupEnvelope.seal(backupKey, archive.toZip());
                DeploymentFiles.writeBytes(out, sealed, DeploymentFiles.OWNER_ONLY);
                return new Made(archive.manifest(), files.size(), sealed.length, backupKey.keyId());
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the backup (" + e.getMessage() + "). Check the space left "
                    + "in " + hubDir + " and beside " + out + ".", e);
        }
    }

    static Restored restore(Path hubDir, DatabaseSettings database, Path in, Path keyFile) {
        SealingPrivateKey backupKey = backupPrivateKey(keyFile);
        byte[] zip;
        try {
            zip = BackupEnvelope.open(backupKey, read(in, "backup file"));
        } catch (UnsealException e) {
            throw new ProvisioningException(e.getMessage() + " Nothing was written.");
        }
        BackupArchive archive = BackupArchive.fromZip(zip);
        requireEmptyFolder(hubDir);
        boolean folderExisted = Files.exists(hubDir);
        DeploymentFiles.ownerOnlyFolder(hubDir);
        Path copy = hubDir.resolve(RESTORE_COPY);
        try {
            DeploymentFiles.writeBytes(copy, archive.database(), DeploymentFiles.OWNER_ONLY);
            HubServices.restoreStore(hubDir, database, archive.manifest().dialect(), copy);
        } catch (RuntimeException e) {
            deleteQuietly(copy);
            if (!folderExisted) {
                deleteQuietly(hubDir);
            }
            throw e;
        }
        deleteQuietly(copy);
        for (Map.Entry<String, byte[]> file : archive.files().entrySet()) {
            Path target = hubDir.resolve(file.getKey());
            DeploymentFiles.ownerOnlyFolder(target.getParent());
            DeploymentFiles.writeBytes(target, file.getValue(), DeploymentFiles.OWNER_ONLY);
        }
        StoreContents contents;
        try (HubServices services = HubServices.open(hubDir, database, Clock.systemUTC())) {
            contents = services.storeContents();
        } catch (HubStartupException e) {
            throw new ProvisioningException("The restored database does not open: " + e.getMessage());
        }
        check(archive.manifest(), contents);
        return new Restored(archive.manifest(), contents, archive.files().size());
    }

    /** The restored store holds what the backup says it held: rows per table and every kiosk's chain head. */
    private static void check(BackupArchive.Manifest manifest, StoreContents restored) {
        Map<String, BackupArchive.Head> heads = new TreeMap<>();
        restored.heads().forEach((kiosk, head) -> heads.put(kiosk, BackupArchive.Head.of(head)));
        Map<String, Long> rows = new HashMap<>(restored.rows());
        // A newer release may have added tables since: those are not in the backup's manifest.
        rows.keySet().retainAll(manifest.rows().keySet());
        if (!rows.equals(manifest.rows()) || !heads.equals(manifest.heads())) {
            throw new ProvisioningException("The restored hub does not hold what the backup does (rows "
                    + manifest.rows() + " backed up, " + restored.rows() + " restored; or the kiosks' chain heads "
                    + "differ). Do not start the hub on it: empty the data folder and database and restore again.");
        }
    }

    private static SealingPublicKey backupPublicKey(Path hubDir) {
        Path file = hubDir.resolve(HubLayout.BACKUP_PUBLIC_KEY);
        if (!Files.isRegularFile(file)) {
            throw new ProvisioningException("No backup key in " + hubDir + " (no " + HubLayout.BACKUP_PUBLIC_KEY
                    + "): make one with `provision backup-key --out FILE` (deployments made by `provision init` from this "
                    + "release on have one).");
        }
        try {
            return DeploymentFiles.read(file, BackupPublicKeyFile.class).backupKey();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ProvisioningException(file + " is damaged (" + e.getMessage() + ").");
        }
    }

    private static SealingPrivateKey backupPrivateKey(Path keyFile) {
        try {
            return DeploymentFiles.read(keyFile, BackupKeyFile.class).backupKey();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ProvisioningException(keyFile + " is not the backup key's private half, as `provision init "
                    + "--backup-key-out` wrote it or printed it ({\"keyId\":...,\"privateKey\":...}); nothing was "
                    + "written.");
        }
    }

    private static void requireEmptyFolder(Path hubDir) {
        if (!Files.exists(hubDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(hubDir)) {
            var present = entries.map(path -> path.getFileName().toString()).sorted().limit(5).toList();
            if (!present.isEmpty()) {
                throw new ProvisioningException("The data folder " + hubDir + " is not empty (" + String.join(", ",
                        present) + (present.size() == 5 ? ", ..." : "") + "); nothing was written. Restore fills an "
                        + "empty folder only: give a new --hub folder, or move this one away first.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + hubDir + ": " + e.getMessage(), e);
        }
    }

    /** Every file of the data folder but the database (copied through the hub) and hidden work files. */
    private static Map<String, byte[]> dataFolderFiles(Path hubDir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(hubDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path relative = hubDir.relativize(file);
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith(".");
                }
                if (!hidden && !HubServices.isDatabaseFile(file)) {
                    files.put(relative.toString().replace(java.io.File.separatorChar, '/'), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProvisioningException("Could not read the " + what + " " + file + " (" + e.getClass()
                    .getSimpleName() + "); nothing was written.");
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Left behind in an owner-only folder; the message the caller throws says what happened.
        }
    }
}
