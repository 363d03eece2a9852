package org.threshold.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.threshold.hub.app.household.SealedHousehold;

/** A households row read by hand in plain JDBC: its columns in {@link SealedHousehold}'s order, under an alias. */
final class SealedHouseholdColumns {
    /** How many columns {@link #select} names. */
    static final int COUNT = 12;

    private SealedHouseholdColumns() {
    }

    /**
     * The columns of the households row aliased {@code table}, in the order {@link #read} reads them, each labelled
     * {@code table_column}: beside another table's columns of the same name (a referral's {@code household_id}), no
     * driver may pick the wrong one.
     */
    static String select(String table) {
        return String.join(", ", java.util.Arrays.stream(HouseholdSql.COLUMNS.split(", "))
                .map(column -> table + "." + column + " AS " + table + "_" + column).toList());
    }

    /** The household in the {@link #COUNT} columns from {@code first}, or null if the row had none (a left join). */
    static SealedHousehold read(ResultSet rows, int first) throws SQLException {
        String householdId = rows.getString(first);
        if (householdId == null) {
            return null;
        }
        return new SealedHousehold(UUID.fromString(householdId), Columns.tokenId(rows, first + 1),
                rows.getString(first + 2), Columns.date(rows, first + 3), rows.getString(first + 4),
                rows.getString(first + 5), Columns.instant(rows, first + 6), Columns.uuid(rows, first + 7),
                rows.getString(first + 8), rows.getBytes(first + 9), rows.getBytes(first + 10),
                Columns.instant(rows, first + 11));
    }
}
