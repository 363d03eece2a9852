package org.threshold.core.deployment;

/**
 * Names of the files provisioning writes and kiosk and hub read, relative to each one's data folder.
 * Files marked secret are written owner-only (0600).
 */
public final class DeploymentLayout {
    /** Kiosk: {@link KioskConfig}. */
    public static final String KIOSK_CONFIG = "kiosk.json";
    /** Kiosk, secret: the kiosk's Ed25519 {@link KeyPairFile}. */
    public static final String KIOSK_KEY = "kiosk-key.json";
    /** Kiosk: a JSON array of {@link OperatorRecord}. */
    public static final String OPERATORS = "operators.json";
    /** Kiosk, secret: {@link LocalKeyFile}, moved into the kiosk's database at its first start. */
    public static final String LOCAL_KEY = "local-key.json";
    /** Hub, secret: {@link HubKeysFile}. */
    public static final String HUB_KEYS = "keys.json";
    /** Hub: a folder of {@link EnrolledKiosk}, one {@code <kioskId>.json} each. */
    public static final String ENROLLED_KIOSKS = "kiosks";

    private DeploymentLayout() {
    }
}
