package org.threshold.hub.app.kiosk;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.KioskId;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;

/**
 * The kiosks this hub trusts, read from the store on every use, so a kiosk enrolled or revoked through one hub
 * instance (or the {@code provision} command line) is known to every instance at once. Thread-safe.
 */
public final class KioskDirectory {
    private final HubStore store;
    private final Clock clock;

    public KioskDirectory(HubStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The kiosk, revoked or not; empty for an id that is not a kiosk id or not enrolled. */
    public Optional<Kiosk> find(String kioskId) {
        if (!KioskId.isValid(kioskId)) {
            return Optional.empty();
        }
        return store.read(repositories -> repositories.kiosks().find(kioskId));
    }

    /** The kiosk's public key, or {@code null} if it is not enrolled: the shape token verification asks for. */
    public VerifyingKey verifyingKeyOrNull(String kioskId) {
        return find(kioskId).map(Kiosk::verifyingKey).orElse(null);
    }

    /** By id. */
    public List<Kiosk> all() {
        return store.read(repositories -> repositories.kiosks().all());
    }

    /**
     * Trusts a kiosk whose key pair was made off the network (the demo, and tests): what {@code provision} once
     * wrote as {@code kiosks/<id>.json}. Network enrollment with one-time codes goes through {@code Enrollment}.
     *
     * @throws Refusal CONFLICT {@code KIOSK_EXISTS} if the id is taken
     */
    public Kiosk enrollByKey(String kioskId, String site, VerifyingKey key) {
        KioskId.requireValid(kioskId);
        Kiosk kiosk = new Kiosk(kioskId, site, key.toBase64(), clock.instant(), "unknown", "", null, false, null);
        store.inTransaction(repositories -> {
            if (repositories.enrollmentCodes().kioskIdTaken(kioskId)) {
                throw new Refusal(Refusal.Kind.CONFLICT, "KIOSK_EXISTS", "Kiosk " + kioskId + " is already "
                        + "enrolled. Choose another id, or revoke the old kiosk first.");
            }
            repositories.kiosks().add(kiosk);
            return null;
        });
        return kiosk;
    }
}
