package org.threshold.hub.app.enrollment;

import java.time.Instant;
import java.util.Optional;

/** One-time enrollment codes, by the hash of the code: the code itself is never stored. */
public interface EnrollmentCodeRepository {

    /** A code's kiosk and site, when it expires, and when it was spent (null if not yet). */
    record Code(String kioskId, String site, Instant expiresAt, Instant usedAt) {
    }

    void add(byte[] codeHash, String kioskId, String site, Instant createdAt, Instant expiresAt);

    Optional<Code> find(byte[] codeHash);

    /** Spends the code unless it already is; says whether this call spent it. */
    boolean spend(byte[] codeHash, Instant at);

    /** Whether a code waits for {@code kioskId}, or a kiosk is enrolled under it. */
    boolean kioskIdTaken(String kioskId);
}
