package org.threshold.kiosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.input.StrictJson;
import org.threshold.kiosk.store.OwnerOnlyFiles;

/** What provisioning gave this kiosk: its configuration, its signing key and its operators. */
record Enrollment(KioskConfig config, SigningKey kioskKey, List<OperatorRecord> operators) {
    private static final ObjectMapper JSON = StrictJson.mapper();
    /** Read by the kiosk's user alone: the kiosk's signing key, and the operators' wraps of the local data key. */
    private static final List<String> OWNER_ONLY = List.of(DeploymentLayout.KIOSK_KEY, DeploymentLayout.LOCAL_KEY);

    static Enrollment read(Path dataDir) {
        Path configFile = dataDir.resolve(DeploymentLayout.KIOSK_CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new KioskStartException("There is no " + DeploymentLayout.KIOSK_CONFIG + " in " + dataDir
                    + ": enroll this kiosk first: KioskMain enroll --data " + dataDir
                    + " THENROLL1:... with the ticket from `provision kiosk add`.");
        }
        requireOwnerOnly(dataDir);
        KioskConfig config = read(configFile, new TypeReference<>() { });
        KeyPairFile keyFile = read(dataDir.resolve(DeploymentLayout.KIOSK_KEY), new TypeReference<>() { });
        List<OperatorRecord> operators = read(dataDir.resolve(DeploymentLayout.OPERATORS), new TypeReference<>() { });
        if (operators.isEmpty()) {
            throw new KioskStartException(DeploymentLayout.OPERATORS + " in " + dataDir
                    + " lists no operators, so nobody could unlock the kiosk. Provision at least one operator.");
        }
        if (operators.stream().map(OperatorRecord::name).distinct().count() != operators.size()) {
            throw new KioskStartException(DeploymentLayout.OPERATORS + " in " + dataDir + " lists an operator twice, "
                    + "so which passphrase counts is unclear. Restore the file from the enrollment or the hub's feed.");
        }
        try {
            return new Enrollment(config, keyFile.signingKey(), List.copyOf(operators));
        } catch (IllegalArgumentException e) {
            throw new KioskStartException(DeploymentLayout.KIOSK_KEY + " in " + dataDir + " is not usable: "
                    + e.getMessage() + ". Enroll the kiosk again.", e);
        }
    }

    /** A key file others can read is a key others may have copied: refuse it, and say how to fix it. */
    private static void requireOwnerOnly(Path dataDir) {
        for (String name : OWNER_ONLY) {
            Path file = dataDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Set<PosixFilePermission> permissions;
            try {
                permissions = Files.getPosixFilePermissions(file);
            } catch (UnsupportedOperationException e) {
                continue;
            } catch (IOException e) {
                throw new KioskStartException("Could not read the permissions of " + file + " (" + e.getMessage()
                        + "). Check that the kiosk's user owns it.", e);
            }
            if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                throw new KioskStartException(file + " can be read or changed by users other than the kiosk's ("
                        + PosixFilePermissions.toString(permissions) + "). Run `chmod 600 " + file
                        + "` as the kiosk's user, and enroll again if others may have copied it.", null);
            }
        }
    }

    /**
     * Replaces {@code operators.json} with a list the hub signed, atomically and owner-only
     * ({@link OwnerOnlyFiles#write}), so a restart keeps the change and a crash leaves the old list or the new one.
     */
    static void writeOperators(Path dataDir, List<OperatorRecord> operators) throws IOException {
        OwnerOnlyFiles.write(dataDir.resolve(DeploymentLayout.OPERATORS),
                JSON.writerFor(new TypeReference<List<OperatorRecord>>() { }).writeValueAsBytes(operators));
    }

    private static <T> T read(Path file, TypeReference<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new KioskStartException("There is no " + file.getFileName() + " in " + file.getParent()
                    + ": the enrollment is incomplete. Empty the data folder and enroll again with a new code.");
        }
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw new KioskStartException(file + " is not valid: " + e.getOriginalMessage()
                    + ". Enroll this kiosk again, or restore the file from the enrollment.", e);
        } catch (IOException e) {
            throw new KioskStartException("Could not read " + file + " (" + e.getMessage()
                    + "). Check that the kiosk's user may read it.", e);
        }
    }
}
