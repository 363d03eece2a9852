package org.threshold.kiosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.kiosk.store.OwnerOnlyFiles;

/** What provisioning gave this kiosk: its configuration, its signing key and its operators. */
record Enrollment(KioskConfig config, SigningKey kioskKey, List<OperatorRecord> operators) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Enrollment read(Path dataDir) {
        Path configFile = dataDir.resolve(DeploymentLayout.KIOSK_CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new KioskStartException("There is no " + DeploymentLayout.KIOSK_CONFIG + " in " + dataDir
                    + ": enroll this kiosk first: KioskMain enroll --data " + dataDir
                    + " THENROLL1:... with the ticket from `provision kiosk add`.");
        }
        KioskConfig config = read(configFile, new TypeReference<>() { });
        KeyPairFile keyFile = read(dataDir.resolve(DeploymentLayout.KIOSK_KEY), new TypeReference<>() { });
        List<OperatorRecord> operators = read(dataDir.resolve(DeploymentLayout.OPERATORS), new TypeReference<>() { });
        if (operators.isEmpty()) {
            throw new KioskStartException(DeploymentLayout.OPERATORS + " in " + dataDir
                    + " lists no operators, so nobody could unlock the kiosk. Provision at least one operator.");
        }
        try {
            return new Enrollment(config, keyFile.signingKey(), List.copyOf(operators));
        } catch (IllegalArgumentException e) {
            throw new KioskStartException(DeploymentLayout.KIOSK_KEY + " in " + dataDir + " is not usable: "
                    + e.getMessage() + ". Enroll the kiosk again.", e);
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
