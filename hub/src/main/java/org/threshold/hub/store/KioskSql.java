package org.threshold.hub.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.kiosk.Kiosk;
import org.threshold.hub.app.kiosk.KioskRepository;

@RegisterConstructorMapper(Kiosk.class)
interface KioskSql extends KioskRepository {
    String COLUMNS = "kiosk_id, site, public_key, enrolled_at, software_version, certificate_pem, revoked_at, wipe, "
            + "revocation_reason";

    @Override
    @SqlUpdate("INSERT INTO kiosks (kiosk_id, site, public_key, enrolled_at, software_version, certificate_pem) "
            + "VALUES (:k.kioskId, :k.site, :k.publicKey, :k.enrolledAt, :k.softwareVersion, :k.certificatePem)")
    void add(@BindMethods("k") Kiosk kiosk);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM kiosks WHERE kiosk_id = :kioskId")
    Optional<Kiosk> find(@Bind("kioskId") String kioskId);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM kiosks ORDER BY kiosk_id")
    List<Kiosk> all();

    @Override
    @SqlUpdate("UPDATE kiosks SET revoked_at = :at, wipe = :wipe, revocation_reason = :reason "
            + "WHERE kiosk_id = :kioskId AND revoked_at IS NULL")
    boolean revoke(@Bind("kioskId") String kioskId, @Bind("at") Instant at, @Bind("wipe") boolean wipe,
                   @Bind("reason") String reason);

    @SqlQuery("SELECT kiosk_id FROM kiosks WHERE revoked_at IS NULL ORDER BY kiosk_id")
    List<String> allActive();

    @SqlQuery("SELECT kiosk_id FROM kiosks WHERE revoked_at IS NULL AND site = :site ORDER BY kiosk_id")
    List<String> activeAt(@Bind("site") String site);

    @Override
    default List<String> active(String siteOrNull) {
        return siteOrNull == null ? allActive() : activeAt(siteOrNull);
    }
}
