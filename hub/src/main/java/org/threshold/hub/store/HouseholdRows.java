package org.threshold.hub.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.threshold.hub.app.household.SealedHousehold;

/**
 * A households row on plain JDBC, the one place that lays a {@link SealedHousehold} out in its columns for an insert:
 * the projector's ({@code HouseholdSql.insertNew}) and the benchmarks' seeding, which must store what the hub stores.
 */
public final class HouseholdRows {
    /** The insert {@link #add} fills: a new, unerased household. */
    public static final String INSERT = "INSERT INTO households (" + HouseholdSql.COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";

    private HouseholdRows() {
    }

    /** Adds {@code household} to the batch of {@code insert}, a statement of {@link #INSERT}. */
    public static void add(PreparedStatement insert, SealedHousehold household) throws SQLException {
        insert.setString(1, household.householdId().toString());
        insert.setBytes(2, household.tokenId().toBytes());
        insert.setString(3, household.tokenKioskId());
        insert.setString(4, household.tokenIssuedOn().toString());
        insert.setString(5, household.kioskId());
        insert.setString(6, household.site());
        // As the kiosk wrote it: text keeps every digit of the instant.
        insert.setString(7, household.registeredAt().toString());
        insert.setString(8, household.eventId().toString());
        insert.setString(9, household.keyId());
        insert.setBytes(10, household.wrappedKey());
        insert.setBytes(11, household.sealedJson());
        insert.addBatch();
    }
}
