package org.threshold.hub.deployment;

/**
 * Files {@code provision init} adds to the hub's data folder next to {@code keys.json} and {@code kiosks/}.
 * Secret ones are owner-only (0600).
 */
public final class HubLayout {
    /** Secret: the deployment root's Ed25519 key pair ({@code KeyPairFile}). */
    public static final String ROOT_KEY = "root-key.json";
    /** The root's self-signed certificate (PEM): what every deployment certificate chains to. */
    public static final String ROOT_CERTIFICATE = "root-cert.pem";
    /** The hub's TLS certificate (PEM), signed by the root; kiosks pin it. */
    public static final String TLS_CERTIFICATE = "hub-tls-cert.pem";
    /** Secret: the hub's TLS private key (PKCS#8 PEM, ECDSA P-256). */
    public static final String TLS_KEY = "hub-tls-key.pem";

    /**
     * The public half of the deployment's offline backup key ({@code BackupPublicKeyFile}): backups are sealed to it.
     * The private half is never kept here.
     */
    public static final String BACKUP_PUBLIC_KEY = "backup-key.pub.json";

    /**
     * Secret: the hub's data key file ({@code HubDataKey}), which wraps every household's own data key and keys the
     * blind index. Kept outside the database, so a copy of the database alone reveals no one.
     */
    public static final String DATA_KEY = "data-key.json";

    private HubLayout() {
    }
}
