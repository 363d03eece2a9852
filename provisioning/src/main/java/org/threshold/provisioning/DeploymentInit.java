package org.threshold.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.BackupKeyFile;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.pki.Certificates;
import org.threshold.core.pki.Pem;
import org.threshold.hub.app.enrollment.DeploymentAuthority;
import org.threshold.hub.deployment.HubLayout;

/**
 * {@code provision init}: a new deployment in the hub's data folder. The hub's identity and sealing keys
 * ({@code keys.json}), the deployment root ({@code root-key.json}, {@code root-cert.pem}), the hub's TLS key and
 * certificate signed by the root, {@code deployment.json}, and the backup key pair (only its public half stays in the
 * folder). Refuses to touch a folder that has any of them.
 */
final class DeploymentInit {
    private final SecureRandom random;

    DeploymentInit(SecureRandom random) {
        this.random = random;
    }

    /** Fingerprints safe to print and to compare by phone. */
    record Summary(String rootFingerprint, String hubIdentityFingerprint, String sealingKeyId, String tlsFingerprint,
                   List<String> tlsNames, BackupKeyFile backupKey) {
    }

    Summary run(Path hubDir, DeploymentSettings settings, List<String> extraNames, Instant now,
                Consumer<String> progress) {
        for (String existing : List.of(DeploymentLayout.HUB_KEYS, HubLayout.ROOT_KEY, HubLayout.TLS_KEY,
                DeploymentSettings.FILE, HubLayout.BACKUP_PUBLIC_KEY)) {
            if (Files.exists(hubDir.resolve(existing))) {
                throw new ProvisioningException(hubDir.resolve(existing) + " already exists: this folder holds a "
                        + "deployment. Refusing to replace its keys (events sealed to them could never be opened "
                        + "again). Use another --hub folder for a new deployment.");
            }
        }
        // Everything is generated before the first file is written, so a failure leaves the folder as it was.
        progress.accept("Generating the deployment root key (Ed25519) and its certificate");
        SigningKey rootKey = SigningKey.generate(random);
        DeploymentAuthority authority = DeploymentAuthority.create(settings.name(), rootKey, now, random);

        progress.accept("Generating the hub's TLS key (ECDSA P-256) and certificate, signed by the root");
        Set<String> names = new LinkedHashSet<>();
        names.add(settings.hubHost());
        names.addAll(extraNames);
        names.add("localhost");
        names.add("127.0.0.1");
        KeyPair tlsKey = tlsKey();
        X509Certificate tls = authority.issueHubTls(tlsKey, List.copyOf(names), now);

        progress.accept("Generating the hub's identity (Ed25519) and sealing (X-Wing) keys, writing the files");
        Provisioner provisioner = new Provisioner(random);
        Provisioner.HubIdentity identity = provisioner.initHub(hubDir);
        BackupKeyFile backupKey = provisioner.initBackupKey(hubDir);
        DeploymentFiles.writeSecret(hubDir.resolve(HubLayout.ROOT_KEY), KeyPairFile.of(rootKey));
        DeploymentFiles.writeText(hubDir.resolve(HubLayout.ROOT_CERTIFICATE), Pem.certificate(authority.rootCertificate()),
                DeploymentFiles.OWNER_ONLY);
        DeploymentFiles.writeText(hubDir.resolve(HubLayout.TLS_KEY),
                Pem.encode("PRIVATE KEY", tlsKey.getPrivate().getEncoded()), DeploymentFiles.OWNER_ONLY);
        DeploymentFiles.writeText(hubDir.resolve(HubLayout.TLS_CERTIFICATE), Pem.certificate(tls),
                DeploymentFiles.OWNER_ONLY);
        DeploymentFiles.writeSecret(hubDir.resolve(DeploymentSettings.FILE), settings);
        return new Summary(Certificates.fingerprint(authority.rootCertificate()), identity.identityFingerprint(),
                identity.sealingKeyId(), Certificates.fingerprint(tls), List.copyOf(names), backupKey);
    }

    private KeyPair tlsKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no ECDSA P-256", e);
        }
    }
}
