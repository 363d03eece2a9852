package org.threshold.hub.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.report.HouseholdFacts;
import org.threshold.hub.app.report.ReportProjection;
import org.threshold.hub.app.report.ReportRepository;

/** {@link ReportRepository}: the same SQL on both stores (upserts by {@code ON CONFLICT}, which both have). */
interface ReportSql extends ReportRepository, SqlObject {
    /** Arrival days and site totals come per day; the other measures are summed over the window per site. */
    String PER_DAY = "'" + ReportProjection.HOUSEHOLDS + "', '" + ReportProjection.PEOPLE + "'";
    String PER_SITE = "'" + ReportProjection.AGE_SEX + "', '" + ReportProjection.NEED + "'";

    @Override
    default List<UUID> reported(Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        return getHandle().createQuery("SELECT household_id FROM report_households WHERE household_id IN (<ids>)")
                .bindList("ids", householdIds.stream().map(UUID::toString).toList())
                .map((rows, context) -> UUID.fromString(rows.getString(1))).list();
    }

    @Override
    default Optional<HouseholdFacts> facts(UUID householdId) {
        return getHandle().createQuery("SELECT site, arrival, members FROM report_households "
                        + "WHERE household_id = :id").bind("id", householdId.toString())
                .map((rows, context) -> HouseholdFacts.decode(rows.getString(1), LocalDate.parse(rows.getString(2)),
                        rows.getString(3))).findOne();
    }

    @Override
    default void insertFacts(List<Reported> households) {
        if (households.isEmpty()) {
            return;
        }
        PreparedBatch insert = getHandle().prepareBatch("INSERT INTO report_households (household_id, site, arrival, "
                + "members) VALUES (:id, :site, :arrival, :members)");
        for (Reported household : households) {
            HouseholdFacts facts = household.facts();
            insert.bind("id", household.householdId().toString()).bind("site", facts.site())
                    .bind("arrival", facts.arrival().toString()).bind("members", facts.encode()).add();
        }
        insert.execute();
        resite(households);
    }

    /** Referrals counted before their household had facts (site unknown) move to its site. */
    private void resite(List<Reported> households) {
        Map<UUID, String> sites = new HashMap<>();
        households.forEach(household -> sites.put(household.householdId(), household.facts().site()));
        ReportSqlReferrals.resite(getHandle(), sites);
    }

    @SqlUpdate("UPDATE report_households SET site = :site, arrival = :arrival, members = :members "
            + "WHERE household_id = :id")
    void update(@Bind("id") String householdId, @Bind("site") String site, @Bind("arrival") String arrival,
                @Bind("members") String members);

    @Override
    default void updateFacts(Reported household) {
        HouseholdFacts facts = household.facts();
        update(household.householdId().toString(), facts.site(), facts.arrival().toString(), facts.encode());
        resite(List.of(household));
    }

    @Override
    default void addToCounts(Map<CountKey, Long> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<List<String>, Long> byMonth = new HashMap<>();
        PreparedBatch upsert = getHandle().prepareBatch("INSERT INTO report_counts (arrival, site, measure, category, "
                + "count) VALUES (:arrival, :site, :measure, :category, :change) "
                + "ON CONFLICT (arrival, site, measure, category) DO UPDATE SET count = report_counts.count + "
                + "excluded.count");
        changes.forEach((key, change) -> {
            upsert.bind("arrival", key.arrival().toString()).bind("site", key.site()).bind("measure", key.measure())
                    .bind("category", key.category()).bind("change", change).add();
            byMonth.merge(List.of(YearMonth.from(key.arrival()).toString(), key.site(), key.measure(),
                    key.category()), change, Long::sum);
        });
        upsert.execute();
        PreparedBatch monthly = getHandle().prepareBatch("INSERT INTO report_counts_by_month (month, site, measure, "
                + "category, count) VALUES (:month, :site, :measure, :category, :change) "
                + "ON CONFLICT (month, site, measure, category) DO UPDATE SET count = report_counts_by_month.count + "
                + "excluded.count");
        byMonth.forEach((key, change) -> monthly.bind("month", key.get(0)).bind("site", key.get(1))
                .bind("measure", key.get(2)).bind("category", key.get(3)).bind("change", change).add());
        monthly.execute();
    }

    /**
     * Arrivals per day from the daily counts; the other measures summed per site from the monthly counts for the
     * window's whole months and from the daily counts for the days around them (see {@link ReportMonths}).
     */
    @Override
    default List<Count> counts(LocalDate from, LocalDate to, Optional<String> site) {
        String atSite = site.isPresent() ? " AND site = :site" : "";
        Query perDay = getHandle().createQuery("SELECT arrival, site, measure, category, count FROM report_counts "
                + "WHERE measure IN (" + PER_DAY + ") AND arrival >= :from AND arrival <= :to" + atSite)
                .bind("from", from.toString()).bind("to", to.toString());
        ReportMonths split = ReportMonths.of(from, to);
        List<String> parts = new ArrayList<>();
        split.head().ifPresent(days -> parts.add(days("head", atSite)));
        split.tail().ifPresent(days -> parts.add(days("tail", atSite)));
        split.months().ifPresent(months -> parts.add("SELECT site, measure, category, count FROM "
                + "report_counts_by_month WHERE measure IN (" + PER_SITE + ") AND month >= :monthFrom "
                + "AND month <= :monthTo" + atSite));
        Query perSite = getHandle().createQuery("SELECT NULL, site, measure, category, SUM(count) FROM ("
                + String.join(" UNION ALL ", parts) + ") parts GROUP BY site, measure, category");
        split.head().ifPresent(days -> perSite.bind("headFrom", days.from().toString())
                .bind("headTo", days.to().toString()));
        split.tail().ifPresent(days -> perSite.bind("tailFrom", days.from().toString())
                .bind("tailTo", days.to().toString()));
        split.months().ifPresent(months -> perSite.bind("monthFrom", months.from().toString())
                .bind("monthTo", months.to().toString()));
        List<Count> counts = new ArrayList<>();
        for (Query query : List.of(perDay, perSite)) {
            site.ifPresent(name -> query.bind("site", name));
            counts.addAll(query.map((rows, context) -> new Count(rows.getString(1) == null ? null
                    : LocalDate.parse(rows.getString(1)), rows.getString(2), rows.getString(3), rows.getString(4),
                    rows.getLong(5))).list());
        }
        return counts;
    }

    /** The per-site measures of the days {@code part} ({@code head} or {@code tail}) from the daily counts. */
    private static String days(String part, String atSite) {
        return "SELECT site, measure, category, count FROM report_counts WHERE measure IN (" + PER_SITE + ") "
                + "AND arrival >= :" + part + "From AND arrival <= :" + part + "To" + atSite;
    }

    /**
     * The kept counts summed over the window as the households' are (whole months from the monthly counts, the days
     * around them from the daily ones), and the overdue ones counted from the open referrals' index.
     */
    @Override
    default List<ReferralCount> referralCounts(LocalDate from, LocalDate to, Optional<String> site, Instant now) {
        String atSite = site.isPresent() ? " AND site = :site" : "";
        ReportMonths split = ReportMonths.of(from, to);
        List<String> parts = new ArrayList<>();
        split.head().ifPresent(days -> parts.add(referralDays("head", atSite)));
        split.tail().ifPresent(days -> parts.add(referralDays("tail", atSite)));
        split.months().ifPresent(months -> parts.add("SELECT service, status, count FROM referral_counts_by_month "
                + "WHERE month >= :monthFrom AND month <= :monthTo" + atSite));
        Query counts = getHandle().createQuery("SELECT service, status, SUM(count) FROM ("
                + String.join(" UNION ALL ", parts) + ") parts GROUP BY service, status HAVING SUM(count) <> 0");
        split.head().ifPresent(days -> counts.bind("headFrom", days.from().toString())
                .bind("headTo", days.to().toString()));
        split.tail().ifPresent(days -> counts.bind("tailFrom", days.from().toString())
                .bind("tailTo", days.to().toString()));
        split.months().ifPresent(months -> counts.bind("monthFrom", months.from().toString())
                .bind("monthTo", months.to().toString()));
        site.ifPresent(name -> counts.bind("site", name));
        Map<List<String>, Long> overdue = overdue(from, to, site, now);
        return counts.map((rows, context) -> new ReferralCount(rows.getString(1), rows.getString(2), rows.getLong(3),
                overdue.getOrDefault(List.of(rows.getString(1), rows.getString(2)), 0L))).list();
    }

    private static String referralDays(String part, String atSite) {
        return "SELECT service, status, count FROM referral_counts WHERE requested >= :" + part + "From "
                + "AND requested <= :" + part + "To" + atSite;
    }

    /**
     * Open referrals requested in the window and due before {@code now}, by service and status: the one figure that
     * changes with time alone, so it is counted, from the index of the open statuses (V20), not kept.
     */
    private Map<List<String>, Long> overdue(LocalDate from, LocalDate to, Optional<String> site, Instant now) {
        Query query = getHandle().createQuery("SELECT service, status, COUNT(*) FROM referrals WHERE status IN "
                + "(<open>) AND requested_at >= :from AND requested_at < :to AND due_at < :now"
                + (site.isPresent() ? " AND site = :site" : "") + " GROUP BY service, status")
                .bindList("open", Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::open)
                        .map(Enum::name).toList())
                .bind("from", from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli())
                .bind("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli())
                .bind("now", now.toEpochMilli());
        site.ifPresent(name -> query.bind("site", name));
        Map<List<String>, Long> overdue = new HashMap<>();
        query.map((rows, context) -> overdue.put(List.of(rows.getString(1), rows.getString(2)), rows.getLong(3)))
                .forEach(ignored -> { });
        return overdue;
    }

    @Override
    default List<Wait> waits(LocalDate from, LocalDate to, Optional<String> site) {
        Query query = getHandle().createQuery("SELECT service, minutes, SUM(count) FROM referral_waits "
                + "WHERE requested >= :from AND requested <= :to" + (site.isPresent() ? " AND site = :site" : "")
                + " GROUP BY service, minutes HAVING SUM(count) <> 0")
                .bind("from", from.toString()).bind("to", to.toString());
        site.ifPresent(name -> query.bind("site", name));
        return query.map((rows, context) -> new Wait(rows.getString(1), rows.getLong(2), rows.getLong(3))).list();
    }

    @SqlQuery("SELECT h.household_id FROM households h LEFT JOIN report_households r "
            + "ON r.household_id = h.household_id WHERE r.household_id IS NULL AND h.household_id > :after "
            + "ORDER BY h.household_id LIMIT :limit")
    List<String> withoutFacts(@Bind("after") String after, @Bind("limit") int limit);

    @Override
    default List<UUID> householdsWithoutFacts(UUID after, int limit) {
        return withoutFacts(after == null ? "" : after.toString(), limit).stream().map(UUID::fromString).toList();
    }
}
