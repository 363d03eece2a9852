package org.threshold.hub.store;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.household.HouseholdRestriction;
import org.threshold.hub.app.household.HouseholdRestrictionRepository;

interface HouseholdRestrictionSql extends HouseholdRestrictionRepository {

    @SqlUpdate("INSERT INTO household_restrictions (household_id, restricted_at, restricted_by, event_id, "
            + "reason) VALUES (:householdId, :restrictedAt, :restrictedBy, :eventId, :reason) ON CONFLICT (household_id) DO NOTHING")
    int insert(@BindMethods HouseholdRestriction restriction);

    @Override
    default boolean restrict(HouseholdRestriction restriction) {
        return insert(restriction) == 1;
    }

    @SqlUpdate("DELETE FROM household_restrictions WHERE household_id = :householdId")
    int delete(@Bind("householdId") UUID householdId);

    @Override
    default boolean lift(UUID householdId) {
        return delete(householdId) == 1;
    }

    @Override
    @SqlQuery("SELECT household_id, restricted_at, restricted_by, event_id, reason FROM household_restrictions "
            + "WHERE household_id = :householdId")
    @RegisterConstructorMapper(HouseholdRestriction.class)
    Optional<HouseholdRestriction> find(@Bind("householdId") UUID householdId);
}
