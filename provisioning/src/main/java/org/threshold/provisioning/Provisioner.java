package org.threshold.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.PassphraseHash;
import org.threshold.core.crypto.PassphraseKeyWrap;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.BackupKeyFile;
import org.threshold.core.deployment.BackupPublicKeyFile;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.HubKeysFile;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.LocalKeyFile;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.deployment.SealingKeyFile;
import org.threshold.core.event.KioskId;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubServices;
import org.threshold.hub.HubStartupException;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.deployment.HubDataKey;
import org.threshold.hub.deployment.HubLayout;

/**
 * What an administrator does to set up a deployment, as plain calls: the command line and the demo
 * both use these. Every step refuses to overwrite an existing key, because a lost key means events
 * that can no longer be opened or kiosks that can no longer be trusted.
 */
public final class Provisioner {
    private final SecureRandom random;
    private final Argon2idCost shiftKeyCost;

    public Provisioner(SecureRandom random) {
        this(random, Argon2idCost.SHIFT_KEY);
    }

    /** @param shiftKeyCost the Argon2id cost of each operator's wrap of the kiosk's local data key */
    public Provisioner(SecureRandom random, Argon2idCost shiftKeyCost) {
        this.random = random;
        this.shiftKeyCost = shiftKeyCost;
    }

    /** An operator to provision onto a kiosk, with the passphrase they will unlock shifts with. */
    public record OperatorGrant(String name, OperatorRecord.Role role, char[] passphrase) {
    }

    /** Summary of what was created, safe to print: fingerprints only. */
    public record HubIdentity(String identityFingerprint, String sealingKeyId) {
    }

    public HubIdentity initHub(Path hubDir) {
        Path keysFile = hubDir.resolve(DeploymentLayout.HUB_KEYS);
        if (Files.exists(keysFile)) {
            throw new ProvisioningException("The hub in " + hubDir + " already has keys (" + keysFile.getFileName()
                    + "). Refusing to replace them: events sealed to those keys could never be opened again.");
        }
        DeploymentFiles.ownerOnlyFolder(hubDir);
        SigningKey identity = SigningKey.generate(random);
        SealingPrivateKey sealing = HubSealing.generate(random);
        DeploymentFiles.writeSecret(keysFile,
                new HubKeysFile(KeyPairFile.of(identity), List.of(SealingKeyFile.of(sealing, true))));
        if (!HubDataKey.exists(hubDir)) {
            HubDataKey.create(hubDir, random);
        }
        return new HubIdentity(identity.verifyingKey().fingerprint(), sealing.publicKey().keyId());
    }

    /**
     * Makes the deployment's backup key pair: the public half goes into the hub's data folder (backups are sealed to
     * it), the private half is returned for the caller to hand to the administrator for offline keeping.
     */
    public BackupKeyFile initBackupKey(Path hubDir) {
        Path publicFile = hubDir.resolve(HubLayout.BACKUP_PUBLIC_KEY);
        if (Files.exists(publicFile)) {
            throw new ProvisioningException("The hub in " + hubDir + " already has a backup key (" + publicFile.getFileName()
                    + "). Refusing to replace it: backups sealed to it open only with its private half.");
        }
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        BackupKeyFile privateHalf = BackupKeyFile.of(seed);
        Arrays.fill(seed, (byte) 0);
        DeploymentFiles.writeSecret(publicFile, BackupPublicKeyFile.of(privateHalf.backupKey().publicKey()));
        return privateHalf;
    }

    /** Writes the backup key's private half to {@code file}, owner-only; refuses to replace a file. */
    public static void keepBackupKey(BackupKeyFile key, Path file) {
        if (Files.exists(file)) {
            throw new ProvisioningException(file + " already exists; give a new file for the backup key (it would "
                    + "replace another deployment's backup key).");
        }
        DeploymentFiles.writeSecret(file, key);
    }

    /** As {@link #enrollKiosk(Path, DatabaseSettings, Path, String, String, String, List)}, the hub on SQLite. */
    public KioskConfig enrollKiosk(Path hubDir, Path kioskDir, String kioskId, String site, String hubUrl,
                                   List<OperatorGrant> operators) {
        return enrollKiosk(hubDir, DatabaseSettings.SQLITE_IN_DATA_FOLDER, kioskDir, kioskId, site, hubUrl, operators);
    }

    /**
     * Enrolls a kiosk offline: creates its key pair and configuration in {@code kioskDir}, and adds its public key to
     * the kiosk directory of the hub whose data folder is {@code hubDir} and whose store is {@code database},
     * through the hub's services. (Network enrollment with one-time codes, where the private key is born on the
     * kiosk itself, is {@code provision kiosk add}.)
     */
    public KioskConfig enrollKiosk(Path hubDir, DatabaseSettings database, Path kioskDir, String kioskId, String site,
                                   String hubUrl, List<OperatorGrant> operators) {
        if (!KioskId.isValid(kioskId)) {
            throw new ProvisioningException("\"" + kioskId + "\" is not a valid kiosk id: use 1 to 32 characters of "
                    + "A-Z, 0-9 and '-', e.g. KIOSK-01");
        }
        Path keysFile = hubDir.resolve(DeploymentLayout.HUB_KEYS);
        if (!Files.exists(keysFile)) {
            throw new ProvisioningException("No hub keys in " + hubDir + ". Run `provision init --hub " + hubDir
                    + "` first.");
        }
        if (Files.exists(kioskDir.resolve(DeploymentLayout.KIOSK_KEY))) {
            throw new ProvisioningException("Kiosk " + kioskId + " is already enrolled. Choose another id, "
                    + "or revoke the old kiosk first.");
        }
        if (operators.isEmpty()) {
            throw new ProvisioningException("Give at least one operator, or nobody can unlock the kiosk.");
        }
        HubKeysFile hubKeys = DeploymentFiles.read(keysFile, HubKeysFile.class);
        KioskConfig config;
        try {
            config = new KioskConfig(kioskId, site, hubUrl, hubKeys.identity().publicKey(),
                    hubKeys.currentSealing().publicKey());
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        }
        SigningKey kioskKey = SigningKey.generate(random);
        List<OperatorRecord> records = new ArrayList<>();
        for (OperatorGrant grant : operators) {
            if (grant.passphrase().length < 8) {
                throw new ProvisioningException("Operator " + grant.name() + "'s passphrase is too short: use at "
                        + "least 8 characters (a few words are easier to type than symbols).");
            }
            try {
                records.add(new OperatorRecord(grant.name(), grant.role(),
                        PassphraseHash.create(grant.passphrase(), random).encode()));
            } catch (IllegalArgumentException e) {
                throw new ProvisioningException(e.getMessage());
            }
        }
        DeploymentFiles.ownerOnlyFolder(kioskDir);
        try (HubServices hub = HubServices.open(hubDir, database, Clock.systemUTC())) {
            hub.kiosks().enrollByKey(kioskId, site, kioskKey.verifyingKey());
        } catch (Refusal | HubStartupException e) {
            throw new ProvisioningException(e.getMessage());
        }
        DeploymentFiles.writeSecret(kioskDir.resolve(DeploymentLayout.LOCAL_KEY), localKeyFor(operators));
        DeploymentFiles.writeSecret(kioskDir.resolve(DeploymentLayout.KIOSK_KEY), KeyPairFile.of(kioskKey));
        DeploymentFiles.writeSecret(kioskDir.resolve(DeploymentLayout.OPERATORS), records);
        DeploymentFiles.writeSecret(kioskDir.resolve(DeploymentLayout.KIOSK_CONFIG), config);
        return config;
    }

    /**
     * The kiosk's local data key, born here and wrapped for every operator under their passphrase, so
     * any of them can open the local copies of the whole shift. The key itself is forgotten at once.
     */
    private LocalKeyFile localKeyFor(List<OperatorGrant> operators) {
        byte[] localDataKey = new byte[PassphraseKeyWrap.KEY_BYTES];
        random.nextBytes(localDataKey);
        try {
            List<LocalKeyFile.OperatorWrap> wraps = new ArrayList<>();
            for (OperatorGrant grant : operators) {
                wraps.add(LocalKeyFile.OperatorWrap.of(grant.name(),
                        PassphraseKeyWrap.wrap(localDataKey, grant.name(), grant.passphrase(), shiftKeyCost, random)));
            }
            return new LocalKeyFile(LocalKeyFile.VERSION, wraps);
        } finally {
            Arrays.fill(localDataKey, (byte) 0);
        }
    }
}
