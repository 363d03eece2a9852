package org.threshold.hub.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.hub.app.enrollment.OperatorRepository;

interface OperatorSql extends OperatorRepository {

    @Override
    @SqlUpdate("INSERT INTO site_operators (site, name, role, passphrase_hash, updated_at) "
            + "VALUES (:site, :o.name, :o.role, :o.passphraseHash, :at) ON CONFLICT (site, name) DO UPDATE SET "
            + "role = excluded.role, passphrase_hash = excluded.passphrase_hash, updated_at = excluded.updated_at")
    void save(@Bind("site") String site, @BindMethods("o") OperatorRecord operator, @Bind("at") Instant at);

    @Override
    @SqlUpdate("DELETE FROM site_operators WHERE site = :site AND name = :name")
    boolean remove(@Bind("site") String site, @Bind("name") String name);

    @Override
    @SqlQuery("SELECT name, role, passphrase_hash FROM site_operators WHERE site = :site ORDER BY name")
    @RegisterConstructorMapper(OperatorRecord.class)
    List<OperatorRecord> ofSite(@Bind("site") String site);
}
