package org.threshold.hub.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.enrollment.EnrollmentCodeRepository;

interface EnrollmentCodeSql extends EnrollmentCodeRepository {

    @Override
    @SqlUpdate("INSERT INTO enrollment_codes (code_hash, kiosk_id, site, created_at, expires_at) "
            + "VALUES (:hash, :kioskId, :site, :createdAt, :expiresAt)")
    void add(@Bind("hash") byte[] codeHash, @Bind("kioskId") String kioskId, @Bind("site") String site,
             @Bind("createdAt") Instant createdAt, @Bind("expiresAt") Instant expiresAt);

    @Override
    @SqlQuery("SELECT kiosk_id, site, expires_at, used_at FROM enrollment_codes WHERE code_hash = :hash")
    @RegisterConstructorMapper(Code.class)
    Optional<Code> find(@Bind("hash") byte[] codeHash);

    @Override
    @SqlUpdate("UPDATE enrollment_codes SET used_at = :at WHERE code_hash = :hash AND used_at IS NULL")
    boolean spend(@Bind("hash") byte[] codeHash, @Bind("at") Instant at);

    @SqlQuery("SELECT kiosk_id FROM enrollment_codes WHERE kiosk_id = :kioskId "
            + "UNION SELECT kiosk_id FROM kiosks WHERE kiosk_id = :kioskId")
    Optional<String> holderOf(@Bind("kioskId") String kioskId);

    @Override
    default boolean kioskIdTaken(String kioskId) {
        return holderOf(kioskId).isPresent();
    }
}
