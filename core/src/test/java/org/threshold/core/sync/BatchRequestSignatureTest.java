package org.threshold.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.threshold.core.crypto.SigningKey;

/** A batch request's signature holds for exactly what was signed: any one part changed, it no longer verifies. */
class BatchRequestSignatureTest {
    private static final SigningKey KEY = SigningKey.generate(new SecureRandom());
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final String NONCE = "nonce-0123456789abcdef";

    @Property(tries = 200)
    void verifiesWhatWasSignedAndNothingElse(@ForAll byte[] body, @ForAll @IntRange(min = 0, max = 6) int changed) {
        String signature = BatchRequestSignature.sign(KEY, "POST", "/api/sync/batches", "KIOSK-01", AT, NONCE, body);
        byte[] otherBody = java.util.Arrays.copyOf(body, body.length + 1);

        boolean verifies = switch (changed) {
            case 0 -> verify("POST", "/api/sync/batches", "KIOSK-01", AT, NONCE, body, signature);
            case 1 -> verify("PUT", "/api/sync/batches", "KIOSK-01", AT, NONCE, body, signature);
            case 2 -> verify("POST", "/api/sync/updates", "KIOSK-01", AT, NONCE, body, signature);
            case 3 -> verify("POST", "/api/sync/batches", "KIOSK-02", AT, NONCE, body, signature);
            case 4 -> verify("POST", "/api/sync/batches", "KIOSK-01", AT.plusMillis(1), NONCE, body, signature);
            case 5 -> verify("POST", "/api/sync/batches", "KIOSK-01", AT, NONCE + "x", body, signature);
            default -> verify("POST", "/api/sync/batches", "KIOSK-01", AT, NONCE, otherBody, signature);
        };

        assertThat(verifies).isEqualTo(changed == 0);
    }

    @Property(tries = 50)
    void aMalformedSignatureIsFalseNotAnException(@ForAll String signature) {
        assertThat(verify("POST", "/api/sync/batches", "KIOSK-01", AT, NONCE, new byte[0], signature)).isFalse();
    }

    private static boolean verify(String method, String path, String kioskId, Instant at, String nonce, byte[] body,
                                  String signature) {
        return BatchRequestSignature.verify(KEY.verifyingKey(), method, path, kioskId, at, nonce, body, signature);
    }
}
