package org.threshold.hub.app.kiosk;

import java.util.List;
import java.util.Optional;

/** The kiosk directory: every enrolled kiosk, its key, and whether it is revoked. */
public interface KioskRepository {

    /** @throws org.threshold.hub.app.StoreException if the id is taken */
    void add(Kiosk kiosk);

    Optional<Kiosk> find(String kioskId);

    /** By id. */
    List<Kiosk> all();

    /** Revokes it unless it already is (the first revocation stands); says whether this call did. */
    boolean revoke(String kioskId, java.time.Instant at, boolean wipe, String reason);

    /** The ids of unrevoked kiosks at {@code site}, or at every site when it is null, by id. */
    List<String> active(String siteOrNull);
}
