package org.threshold.kiosk.enrollment;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.threshold.core.pki.Certificates;
import org.threshold.core.pki.Pem;

/**
 * The certificates enrollment leaves in the kiosk's data folder, beside {@code kiosk.json}: the hub's TLS
 * certificate the kiosk pins, the deployment root, and the kiosk's own certificate.
 */
public final class KioskTrustFiles {
    public static final String HUB_TLS_CERTIFICATE = "hub-tls-cert.pem";
    public static final String ROOT_CERTIFICATE = "root-cert.pem";
    public static final String KIOSK_CERTIFICATE = "kiosk-cert.pem";

    private KioskTrustFiles() {
    }

    /**
     * The HTTP client for talking to the hub: pinned to {@link #HUB_TLS_CERTIFICATE} when the kiosk was enrolled
     * with a code, else {@code fallback} (kiosks provisioned by file, the demo's plain HTTP).
     *
     * @throws IllegalStateException if the pinned certificate is there but unreadable
     */
    public static HttpClient hubClient(Path dataDir, HttpClient fallback) {
        return pinnedHubCertificateSha256(dataDir).map(PinnedHubTls::httpClient).orElse(fallback);
    }

    static Optional<String> pinnedHubCertificateSha256(Path dataDir) {
        Path file = dataDir.resolve(HUB_TLS_CERTIFICATE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Certificates.fingerprint(Pem.readCertificate(Files.readString(file))));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a readable certificate (" + e.getMessage() + "). Enroll "
                    + "the kiosk again with a new code from the administrator.", e);
        }
    }
}
