package org.threshold.core.fuzz;

import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;

/** The fixed keys the fuzz targets verify with and their seed inputs are signed with, so seeds stay valid. */
final class FuzzKeys {
    static final String KIOSK_ID = "KIOSK-01";
    static final SigningKey KIOSK = key(0x11);
    static final SigningKey HUB = key(0x22);

    private FuzzKeys() {
    }

    static VerifyingKey kioskOrNull(String kioskId) {
        return KIOSK_ID.equals(kioskId) ? KIOSK.verifyingKey() : null;
    }

    private static SigningKey key(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return SigningKey.fromBytes(bytes);
    }
}
