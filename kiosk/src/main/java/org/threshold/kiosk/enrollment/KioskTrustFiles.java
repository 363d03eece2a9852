package org.threshold.kiosk.enrollment;

import org.threshold.kiosk.sync.PinnedCertificate;

/**
 * The certificates enrollment leaves in the kiosk's data folder, beside {@code kiosk.json}: the hub's TLS
 * certificate the kiosk pins ({@value PinnedCertificate#FILE}), the deployment root, and the kiosk's own
 * certificate.
 */
public final class KioskTrustFiles {
    public static final String ROOT_CERTIFICATE = "root-cert.pem";
    public static final String KIOSK_CERTIFICATE = "kiosk-cert.pem";

    private KioskTrustFiles() {
    }
}
