package org.threshold.kiosk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.crypto.PassphraseHash;
import org.threshold.core.testing.QuickArgon2;
import org.threshold.core.crypto.PassphraseKeyWrap;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.LocalKeyFile;
import org.threshold.core.deployment.OperatorRecord;

/**
 * A kiosk enrolled the way provisioning does it: real keys, the three enrollment files in a folder.
 * Passphrase hashes and the operators' wraps of the local data key ({@code local-key.json}) use 1 MiB
 * of Argon2 memory so tests stay fast.
 */
public final class TestDeployment {
    public static final String KIOSK_ID = "KIOSK-01";
    public static final String SITE = "North gate";
    public static final String OPERATOR = "amal";
    public static final String PASSPHRASE = "correct horse battery";
    public static final String SECOND_OPERATOR = "bilal";
    public static final String SECOND_PASSPHRASE = "staple paper clip";
    public static final Argon2idCost TEST_COST = QuickArgon2.COST;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Path dataDir;
    public final SigningKey hubIdentity = SigningKey.generate(RANDOM);
    public final SealingPrivateKey hubSealing = HubSealing.generate(RANDOM);
    public final SigningKey kioskKey = SigningKey.generate(RANDOM);

    private TestDeployment(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static TestDeployment enroll(Path dataDir, String hubUrl) throws IOException {
        TestDeployment deployment = new TestDeployment(dataDir);
        Files.createDirectories(dataDir);
        JSON.writeValue(dataDir.resolve(DeploymentLayout.KIOSK_CONFIG).toFile(), deployment.config(hubUrl));
        JSON.writeValue(dataDir.resolve(DeploymentLayout.KIOSK_KEY).toFile(), KeyPairFile.of(deployment.kioskKey));
        JSON.writeValue(dataDir.resolve(DeploymentLayout.OPERATORS).toFile(), List.of(
                operator(OPERATOR, OperatorRecord.Role.SUPERVISOR, PASSPHRASE),
                operator(SECOND_OPERATOR, OperatorRecord.Role.RECEPTION, SECOND_PASSPHRASE)));
        byte[] localDataKey = new byte[PassphraseKeyWrap.KEY_BYTES];
        RANDOM.nextBytes(localDataKey);
        JSON.writeValue(dataDir.resolve(DeploymentLayout.LOCAL_KEY).toFile(), new LocalKeyFile(LocalKeyFile.VERSION,
                List.of(wrap(localDataKey, OPERATOR, PASSPHRASE), wrap(localDataKey, SECOND_OPERATOR, SECOND_PASSPHRASE))));
        for (String secret : List.of(DeploymentLayout.KIOSK_KEY, DeploymentLayout.LOCAL_KEY)) {
            Files.setPosixFilePermissions(dataDir.resolve(secret), PosixFilePermissions.fromString("rw-------"));
        }
        return deployment;
    }

    private static LocalKeyFile.OperatorWrap wrap(byte[] key, String operator, String passphrase) {
        return LocalKeyFile.OperatorWrap.of(operator,
                PassphraseKeyWrap.wrap(key, operator, passphrase.toCharArray(), TEST_COST, RANDOM));
    }

    public KioskConfig config(String hubUrl) {
        return new KioskConfig(KIOSK_ID, SITE, hubUrl, hubIdentity.verifyingKey().toBase64(),
                hubSealing.publicKey().toBase64());
    }

    /** An operator record as provisioning writes it, with the fast test cost. */
    public static OperatorRecord operator(String name, OperatorRecord.Role role, String passphrase) {
        return new OperatorRecord(name, role,
                PassphraseHash.create(passphrase.toCharArray(), RANDOM, TEST_COST).encode());
    }
}
