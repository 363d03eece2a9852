package org.threshold.core.deployment;

import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.KioskId;

/** What the hub knows of an enrolled kiosk: {@code kiosks/<id>.json} in the hub's data folder. */
public record EnrolledKiosk(String kioskId, String site, String publicKey) {
    public EnrolledKiosk {
        KioskId.requireValid(kioskId);
        VerifyingKey.fromBase64(publicKey);
    }

    public VerifyingKey verifyingKey() {
        return VerifyingKey.fromBase64(publicKey);
    }
}
