package org.threshold.bench.raw;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The floor under a queue page: the bare SQL the hub's store runs for one page of one service's queue (the keyset
 * range scan on {@code referrals}, then the page's households in one {@code IN}), on a plain JDBC connection, with
 * nothing of the hub around it: no pool, no access policy, no decryption, no access log, no JSON, no HTTP. What a page
 * costs the hub beyond this is the hub's own.
 */
public final class RawQueuePage {
    public static final int PAGE = 50;
    private static final String COLUMNS = "referral_id, household_id, service, status, urgency, requested_at, due_at, "
            + "basis, people_json, event_id, created_at, updated_at";
    private static final String HOUSEHOLD_COLUMNS = "household_id, token_id, token_kiosk_id, token_issued_on, "
            + "kiosk_id, site, registered_at, event_id, key_id, wrapped_key, sealed_json, erased_at";

    private final Connection connection;
    private final String service;

    public RawQueuePage(Connection connection, String service) {
        this.connection = connection;
        this.service = service;
    }

    /** Where a page ends, as the hub's cursor: due time in epoch milliseconds and referral id. */
    public record Cursor(long dueAt, String referralId) {
    }

    /**
     * Reads one page of the service's queue, in {@code status} if given, after {@code after} if given, and its
     * households; returns where the next page starts.
     */
    public Optional<Cursor> read(Optional<String> status, Optional<Cursor> after) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM referrals WHERE service = ?"
                + (status.isPresent() ? " AND status = ?" : "")
                + (after.isPresent() ? " AND (due_at, referral_id) > (?, ?)" : "")
                + " ORDER BY due_at, referral_id LIMIT " + (PAGE + 1);
        List<String> households = new ArrayList<>(PAGE);
        Cursor last = null;
        boolean more = false;
        try (PreparedStatement page = connection.prepareStatement(sql)) {
            int at = 1;
            page.setString(at++, service);
            if (status.isPresent()) {
                page.setString(at++, status.get());
            }
            if (after.isPresent()) {
                page.setLong(at++, after.get().dueAt());
                page.setString(at, after.get().referralId());
            }
            try (ResultSet rows = page.executeQuery()) {
                while (rows.next()) {
                    if (households.size() == PAGE) {
                        more = true;
                        break;
                    }
                    households.add(rows.getString("household_id"));
                    rows.getString("people_json");
                    last = new Cursor(rows.getLong("due_at"), rows.getString("referral_id"));
                }
            }
        }
        readHouseholds(households);
        return more ? Optional.of(last) : Optional.empty();
    }

    private void readHouseholds(List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        String sql = "SELECT " + HOUSEHOLD_COLUMNS + " FROM households WHERE household_id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rows.getBytes("sealed_json");
                }
            }
        }
    }
}
