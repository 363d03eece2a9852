package org.threshold.hub.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Keeps the referrals report's counts ({@code referral_counts}, by day and by month) and first-acceptance waits
 * ({@code referral_waits}) in step with the referrals, in the transaction that changes them (V20). Every change is the
 * referral's old kept state taken out and its new one put in, so a transition, a reassignment, a merge moving it to
 * another site and a late site all count alike. Only non-identifying columns are kept.
 */
final class ReportSqlReferrals {
    /** A referral's site before its household has report facts. */
    static final String NO_SITE = "";
    private static final long MINUTE_MILLIS = 60_000;

    /** What the report counts of one referral; {@code acceptedAt} null until its first acceptance. */
    record Kept(Instant requestedAt, String site, String service, String status, Instant acceptedAt) {
        Kept at(String newSite) {
            return new Kept(requestedAt, newSite, service, status, acceptedAt);
        }
    }

    /** One row of a kept table: its key's columns, in the table's key order. */
    private record Row(String table, List<Object> key) implements Comparable<Row> {
        private static final Comparator<Row> ORDER = Comparator.comparing(Row::table)
                .thenComparing(row -> row.key().toString());

        @Override
        public int compareTo(Row other) {
            return ORDER.compare(this, other);
        }
    }

    private static final Map<String, String> UPSERTS = Map.of(
            "referral_counts", "INSERT INTO referral_counts (requested, site, service, status, count) VALUES "
                    + "(:k0, :k1, :k2, :k3, :delta) ON CONFLICT (requested, site, service, status) DO UPDATE SET "
                    + "count = referral_counts.count + excluded.count",
            "referral_counts_by_month", "INSERT INTO referral_counts_by_month (month, site, service, status, count) "
                    + "VALUES (:k0, :k1, :k2, :k3, :delta) ON CONFLICT (month, site, service, status) DO UPDATE SET "
                    + "count = referral_counts_by_month.count + excluded.count",
            "referral_waits", "INSERT INTO referral_waits (requested, site, service, minutes, count) VALUES "
                    + "(:k0, :k1, :k2, :k3, :delta) ON CONFLICT (requested, site, service, minutes) DO UPDATE SET "
                    + "count = referral_waits.count + excluded.count");

    private final SortedMap<Row, Long> deltas = new TreeMap<>();

    /** Counts {@code kept} once more ({@code sign} 1) or once less (-1). */
    ReportSqlReferrals add(Kept kept, int sign) {
        LocalDate day = LocalDate.ofInstant(kept.requestedAt(), ZoneOffset.UTC);
        add("referral_counts", sign, day.toString(), kept.site(), kept.service(), kept.status());
        add("referral_counts_by_month", sign, day.toString().substring(0, 7), kept.site(), kept.service(),
                kept.status());
        if (kept.acceptedAt() != null) {
            add("referral_waits", sign, day.toString(), kept.site(), kept.service(), minutes(kept));
        }
        return this;
    }

    /** Moves the count of {@code before} to {@code after}. */
    ReportSqlReferrals move(Kept before, Kept after) {
        return add(before, -1).add(after, 1);
    }

    /** The whole minutes from request to first acceptance, truncated toward zero as the migration's SQL does. */
    static long minutes(Kept kept) {
        return (kept.acceptedAt().toEpochMilli() - kept.requestedAt().toEpochMilli()) / MINUTE_MILLIS;
    }

    private void add(String table, int sign, Object... key) {
        deltas.merge(new Row(table, List.of(key)), (long) sign, Long::sum);
    }

    /**
     * Writes the changes, table by table and in key order, so that two transactions never wait on each other's rows
     * in opposite orders; a change that cancels out touches nothing.
     */
    void apply(Handle handle) {
        Map<String, PreparedBatch> batches = new TreeMap<>();
        deltas.forEach((row, delta) -> {
            if (delta != 0) {
                PreparedBatch batch = batches.computeIfAbsent(row.table(), table -> handle.prepareBatch(
                        UPSERTS.get(table)));
                for (int i = 0; i < row.key().size(); i++) {
                    batch.bind("k" + i, row.key().get(i));
                }
                batch.bind("delta", delta).add();
            }
        });
        batches.values().forEach(PreparedBatch::execute);
    }

    /** The site of each of these households that has report facts. */
    static Map<UUID, String> sites(Handle handle, Collection<UUID> householdIds) {
        Map<UUID, String> sites = new HashMap<>();
        if (!householdIds.isEmpty()) {
            handle.createQuery("SELECT household_id, site FROM report_households WHERE household_id IN (<ids>)")
                    .bindList("ids", householdIds.stream().map(UUID::toString).distinct().toList())
                    .map((rows, context) -> sites.put(UUID.fromString(rows.getString(1)), rows.getString(2)))
                    .forEach(ignored -> { });
        }
        return sites;
    }

    /** The kept state of each referral whose id or household is among {@code ids}, by referral id. */
    static Map<UUID, Kept> kept(Handle handle, String column, Collection<UUID> ids) {
        Map<UUID, Kept> kept = new HashMap<>();
        if (!ids.isEmpty()) {
            handle.createQuery("SELECT referral_id, requested_at, site, service, status, accepted_at FROM referrals "
                            + "WHERE " + column + " IN (<ids>)")
                    .bindList("ids", ids.stream().map(UUID::toString).distinct().toList())
                    .map((rows, context) -> {
                        long accepted = rows.getLong(6);
                        Instant acceptedAt = rows.wasNull() ? null : Instant.ofEpochMilli(accepted);
                        return kept.put(UUID.fromString(rows.getString(1)), new Kept(
                                Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3), rows.getString(4),
                                rows.getString(5), acceptedAt));
                    }).forEach(ignored -> { });
        }
        return kept;
    }

    /**
     * Gives the referrals of these households their household's site where it differs (a referral counted before its
     * household had report facts), moving their counts.
     */
    static void resite(Handle handle, Map<UUID, String> siteByHousehold) {
        if (siteByHousehold.isEmpty()) {
            return;
        }
        Map<UUID, List<UUID>> byHousehold = new HashMap<>();
        handle.createQuery("SELECT referral_id, household_id FROM referrals WHERE household_id IN (<ids>)")
                .bindList("ids", siteByHousehold.keySet().stream().map(UUID::toString).toList())
                .map((rows, context) -> byHousehold.computeIfAbsent(UUID.fromString(rows.getString(2)),
                        id -> new ArrayList<>()).add(UUID.fromString(rows.getString(1)))).forEach(ignored -> { });
        byHousehold.forEach((household, referrals) -> moveTo(handle, referrals, siteByHousehold.get(household)));
    }

    /** Puts these referrals at {@code site}, moving the counts of those that were elsewhere. */
    static void moveTo(Handle handle, Collection<UUID> referralIds, String site) {
        ReportSqlReferrals changes = new ReportSqlReferrals();
        List<String> moved = new ArrayList<>();
        kept(handle, "referral_id", referralIds).forEach((id, kept) -> {
            if (!kept.site().equals(site)) {
                changes.move(kept, kept.at(site));
                moved.add(id.toString());
            }
        });
        if (!moved.isEmpty()) {
            handle.createUpdate("UPDATE referrals SET site = :site WHERE referral_id IN (<ids>)").bind("site", site)
                    .bindList("ids", moved).execute();
            changes.apply(handle);
        }
    }
}
