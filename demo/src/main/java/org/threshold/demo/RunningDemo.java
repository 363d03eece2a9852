package org.threshold.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.hub.deployment.HubLayout;
import org.threshold.kiosk.KioskApp;
import org.threshold.kiosk.KioskSettings;
import org.threshold.provisioning.Provisioner;

/**
 * A hub and one kiosk with simulated hardware, provisioned on first start with throwaway keys and
 * resumed from the same folder after that. {@code DIR/hub} is all the hub writes, {@code DIR/kiosk}
 * all the kiosk writes.
 */
public final class RunningDemo implements AutoCloseable {
    public static final String KIOSK_ID = "KIOSK-DEMO-01";
    public static final String SITE = "Demo reception point";
    /** A reception operator; {@link #SUPERVISOR} may also reprint, reissue and correct. Same passphrase. */
    public static final String OPERATOR = "demo";
    public static final String SUPERVISOR = "supervisor";
    public static final String OPERATOR_PASSPHRASE = "demo-passphrase";
    /** The hub's demo administrator: accounts and kiosks, no household data. */
    public static final String ADMIN = "admin";
    /** The hub's demo protection officer (gbv, child-protection, legal): reads any household. */
    public static final String PROTECTION_OFFICER = "protection";
    /** The password of every demo hub account (admin, cw-health, cw-child, cw-gbv, cw-legal, supervisor-health,
     * protection, dpo). */
    public static final String ADMIN_PASSWORD = "demo-password";
    /** Demo only: the backup key's private half, in the demo's folder so backup and restore can be tried. */
    public static final String BACKUP_KEY = "backup-key.json";
    static final Duration SYNC_INTERVAL = Duration.ofSeconds(5);

    private final Path dataDir;
    private final HubServer hub;
    private final KioskApp kiosk;

    private RunningDemo(Path dataDir, HubServer hub, KioskApp kiosk) {
        this.dataDir = dataDir;
        this.hub = hub;
        this.kiosk = kiosk;
    }

    /** On SQLite in {@code DIR/hub}. */
    public static RunningDemo start(Path dataDir, int hubPort, int kioskPort) {
        return start(dataDir, hubPort, kioskPort, DatabaseSettings.SQLITE_IN_DATA_FOLDER);
    }

    /**
     * With the hub's state in {@code database}: a second hub started on {@code DIR/hub} and the same database serves
     * the same households and accepts the same sessions.
     */
    public static RunningDemo start(Path dataDir, int hubPort, int kioskPort, DatabaseSettings database) {
        Path hubDir = dataDir.resolve("hub");
        Path kioskDir = dataDir.resolve("kiosk");
        Provisioner provisioner = new Provisioner(new SecureRandom());
        if (!Files.exists(hubDir.resolve(DeploymentLayout.HUB_KEYS))) {
            provisioner.initHub(hubDir);
        }
        if (!Files.exists(hubDir.resolve(HubLayout.BACKUP_PUBLIC_KEY))) {
            // Demo only: a real deployment keeps the private half offline, never beside the hub.
            Provisioner.keepBackupKey(provisioner.initBackupKey(hubDir), dataDir.resolve(BACKUP_KEY));
        }
        HubServer hub = HubServer.start(new HubSettings(hubDir, HubSettings.DEFAULT_HOST, hubPort, true,
                Clock.systemUTC(), ADMIN, ADMIN_PASSWORD.toCharArray()).withDatabase(database));
        try {
            String hubUrl = "http://127.0.0.1:" + hub.port();
            if (!Files.exists(kioskDir.resolve(DeploymentLayout.KIOSK_CONFIG))) {
                provisioner.enrollKiosk(hubDir, database, kioskDir, KIOSK_ID, SITE, hubUrl, List.of(
                        new Provisioner.OperatorGrant(OPERATOR, OperatorRecord.Role.RECEPTION,
                                OPERATOR_PASSPHRASE.toCharArray()),
                        new Provisioner.OperatorGrant(SUPERVISOR, OperatorRecord.Role.SUPERVISOR,
                                OPERATOR_PASSPHRASE.toCharArray())));
            }
            // The hub's port may differ from the one the kiosk was enrolled with when the demo resumes.
            KioskApp kiosk = KioskApp.start(new KioskSettings(kioskDir, "127.0.0.1", kioskPort, hubUrl, true,
                    Clock.systemDefaultZone(), SYNC_INTERVAL));
            return new RunningDemo(dataDir, hub, kiosk);
        } catch (RuntimeException e) {
            hub.close();
            throw e;
        }
    }

    public String kioskUrl() {
        return "http://127.0.0.1:" + kiosk.port();
    }

    public String hubUrl() {
        return "http://127.0.0.1:" + hub.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String readyLine() {
        return "READY kiosk=" + kioskUrl() + " hub=" + hubUrl() + " data=" + dataDir;
    }

    @Override
    public void close() {
        try {
            kiosk.close();
        } finally {
            hub.close();
        }
    }
}
