package org.threshold.hub.app.household;

import java.util.Optional;
import java.util.UUID;

/** The households whose processing is restricted now; a lifted restriction leaves only its hub events behind. */
public interface HouseholdRestrictionRepository {

    /** Records the restriction; says whether it is new (false if the household was already restricted). */
    boolean restrict(HouseholdRestriction restriction);

    /** Ends the household's restriction; says whether it had one. */
    boolean lift(UUID householdId);

    Optional<HouseholdRestriction> find(UUID householdId);
}
