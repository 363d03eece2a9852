package org.threshold.hub.app.kiosk;

import java.time.Instant;
import org.threshold.core.crypto.VerifyingKey;

/**
 * An enrolled kiosk as the hub knows it: its Ed25519 public key (Base64), which verifies its events and tokens;
 * {@code certificatePem} is empty for a kiosk enrolled by file (the demo). {@code revokedAt} is null while active.
 */
public record Kiosk(String kioskId, String site, String publicKey, Instant enrolledAt, String softwareVersion,
                    String certificatePem, Instant revokedAt, boolean wipe, String revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public VerifyingKey verifyingKey() {
        return VerifyingKey.fromBase64(publicKey);
    }
}
