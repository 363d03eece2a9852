package org.threshold.hub.app.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.registration.Sex;
import org.threshold.core.report.AgeBracket;
import org.threshold.core.report.HxlTags;
import org.threshold.core.report.Publication;
import org.threshold.core.report.Suppressed;
import org.threshold.core.report.Suppression;
import org.threshold.hub.app.report.ReportRepository.Count;
import org.threshold.hub.app.report.ReportRepository.ReferralCount;
import org.threshold.hub.app.report.ReportRepository.Wait;

/**
 * Builds the reports from the counts, suppressed together. The households' three reports are one publication:
 * arrivals (days x sites, households and people), the age-sex pyramid (sites x sex and age) and needs (categories x
 * sites). A site's people over the window are one count in both the arrivals and the pyramid, and so is everyone, so
 * each report suppresses exactly what the others do and none gives back what another hides. The referrals report
 * (services x statuses, overdue) is a publication of its own. Keys: {@code measure|row|column}, {@code *} for a
 * total. Pure.
 */
final class ReportTables {
    private static final String ALL = "*";
    private static final String HOUSEHOLDS = "hh";
    private static final String PEOPLE = "p";
    private static final String PYRAMID = "as";
    private static final String NEEDS = "n";
    private static final String REFERRALS = "r";
    private static final String OVERDUE = "o";
    private static final List<Sex> SEXES = List.of(Sex.F, Sex.M, Sex.OTHER, Sex.UNKNOWN);
    private static final double DAY_MINUTES = 1_440.0;

    private ReportTables() {
    }

    private static String key(String measure, Object row, Object column) {
        return measure + "|" + row + "|" + column;
    }

    /** Arrivals, age-sex and needs, by name, from the counts of the window: one publication, suppressed once. */
    static Map<String, ReportTable> households(ReportWindow window, List<Count> counts, Suppression suppression) {
        SortedSet<LocalDate> days = new TreeSet<>();
        SortedSet<String> sites = new TreeSet<>();
        SortedSet<String> categories = new TreeSet<>();
        Map<String, Long> values = new HashMap<>();
        for (Count count : counts) {
            if (count.count() == 0) {
                continue;
            }
            sites.add(count.site());
            switch (count.measure()) {
                case ReportProjection.HOUSEHOLDS, ReportProjection.PEOPLE -> {
                    days.add(count.arrival());
                    values.merge(key(count.measure().equals(ReportProjection.HOUSEHOLDS) ? HOUSEHOLDS : PEOPLE,
                            count.arrival(), count.site()), count.count(), Long::sum);
                }
                case ReportProjection.AGE_SEX -> values.merge(key(PYRAMID, count.site(), count.category()),
                        count.count(), Long::sum);
                case ReportProjection.NEED -> {
                    categories.add(count.category());
                    values.merge(key(NEEDS, count.category(), count.site()), count.count(), Long::sum);
                }
                default -> throw new IllegalStateException("Unknown report measure " + count.measure());
            }
        }
        Publication publication = new Publication();
        grid(publication, values, HOUSEHOLDS, new ArrayList<>(days), new ArrayList<>(sites), true);
        // The pyramid ties everyone to the sites' people, so the people grid does not tie them again: that sum
        // follows from the others, and without it every count is in at most two sums, which Suppression checks as
        // a graph in near-linear time instead of by dense elimination.
        grid(publication, values, PEOPLE, new ArrayList<>(days), new ArrayList<>(sites), false);
        List<String> pyramid = pyramidCategories();
        List<String> pyramidTotals = new ArrayList<>();
        for (String category : pyramid) {
            List<String> parts = new ArrayList<>();
            for (String site : sites) {
                parts.add(cell(publication, values, key(PYRAMID, site, category)));
            }
            pyramidTotals.add(total(publication, key(PYRAMID, ALL, category), parts));
        }
        for (String site : sites) {
            publication.sum(key(PEOPLE, ALL, site), pyramid.stream().map(category -> key(PYRAMID, site, category))
                    .toList());
        }
        publication.sum(key(PEOPLE, ALL, ALL), pyramidTotals);
        for (String category : categories) {
            List<String> parts = new ArrayList<>();
            for (String site : sites) {
                parts.add(cell(publication, values, key(NEEDS, category, site)));
            }
            total(publication, key(NEEDS, category, ALL), parts);
        }
        Suppressed published = suppression.apply(publication);
        int threshold = suppression.rule().threshold();
        Map<String, ReportTable> tables = new LinkedHashMap<>();
        tables.put(Reports.ARRIVALS, new ReportTable(Reports.ARRIVALS, window, threshold,
                List.of("date", "site", "households", "people"), arrivalRows(published, days, sites)));
        List<String> pyramidColumns = new ArrayList<>(List.of("site"));
        for (Sex sex : SEXES) {
            for (AgeBracket age : AgeBracket.values()) {
                pyramidColumns.add(HxlTags.pyramidColumn(sex, age));
            }
        }
        pyramidColumns.add("people");
        List<List<Object>> pyramidRows = new ArrayList<>();
        for (String site : sites) {
            pyramidRows.add(pyramidRow(published, site, site, pyramid));
        }
        pyramidRows.add(pyramidRow(published, ReportTable.TOTAL, ALL, pyramid));
        tables.put(Reports.AGE_SEX, new ReportTable(Reports.AGE_SEX, window, threshold, pyramidColumns, pyramidRows));
        List<List<Object>> needRows = new ArrayList<>();
        for (String category : categories) {
            for (String site : sites) {
                needRows.add(row(category, site, value(published, key(NEEDS, category, site))));
            }
            needRows.add(row(category, ReportTable.TOTAL, value(published, key(NEEDS, category, ALL))));
        }
        tables.put(Reports.NEEDS, new ReportTable(Reports.NEEDS, window, threshold,
                List.of("category", "site", "people"), needRows));
        return tables;
    }

    private static List<List<Object>> arrivalRows(Suppressed published, SortedSet<LocalDate> days,
                                                  SortedSet<String> sites) {
        List<List<Object>> rows = new ArrayList<>();
        for (LocalDate day : days) {
            for (String site : sites) {
                rows.add(arrivalRow(published, day.toString(), day, site, site));
            }
            rows.add(arrivalRow(published, day.toString(), day, ReportTable.TOTAL, ALL));
        }
        for (String site : sites) {
            rows.add(arrivalRow(published, ReportTable.TOTAL, ALL, site, site));
        }
        rows.add(arrivalRow(published, ReportTable.TOTAL, ALL, ReportTable.TOTAL, ALL));
        return rows;
    }

    /**
     * Cells {@code measure|day|site}, each day's total, each site's total and the grand total, with their sums; the
     * grand total as the sum of the sites' totals too if {@code grandBySites}.
     */
    private static void grid(Publication publication, Map<String, Long> values, String measure, List<LocalDate> days,
                             List<String> sites, boolean grandBySites) {
        List<String> dayTotals = new ArrayList<>();
        for (LocalDate day : days) {
            List<String> parts = new ArrayList<>();
            for (String site : sites) {
                parts.add(cell(publication, values, key(measure, day, site)));
            }
            dayTotals.add(total(publication, key(measure, day, ALL), parts));
        }
        List<String> siteTotals = new ArrayList<>();
        for (String site : sites) {
            siteTotals.add(total(publication, key(measure, ALL, site), days.stream()
                    .map(day -> key(measure, day, site)).toList()));
        }
        total(publication, key(measure, ALL, ALL), dayTotals);
        if (grandBySites) {
            publication.sum(key(measure, ALL, ALL), siteTotals);
        }
    }

    private static String cell(Publication publication, Map<String, Long> values, String key) {
        publication.count(key, values.getOrDefault(key, 0L));
        return key;
    }

    /** Counts {@code total} as the sum of {@code parts} and ties them. */
    private static String total(Publication publication, String total, List<String> parts) {
        publication.count(total, parts.stream().mapToLong(publication::value).sum()).sum(total, parts);
        return total;
    }

    private static List<String> pyramidCategories() {
        List<String> categories = new ArrayList<>();
        for (Sex sex : SEXES) {
            for (AgeBracket age : AgeBracket.values()) {
                categories.add(sex.name() + "/" + age.label());
            }
        }
        return categories;
    }

    private static List<Object> arrivalRow(Suppressed published, String dayLabel, Object day, String siteLabel,
                                           String site) {
        return row(dayLabel, siteLabel, value(published, key(HOUSEHOLDS, day, site)),
                value(published, key(PEOPLE, day, site)));
    }

    private static List<Object> pyramidRow(Suppressed published, String label, String site, List<String> pyramid) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        for (String category : pyramid) {
            row.add(value(published, key(PYRAMID, site, category)));
        }
        row.add(value(published, key(PEOPLE, ALL, site)));
        return row;
    }

    /** The referrals per service by status, those overdue and the median days to acceptance. */
    static ReportTable referrals(ReportWindow window, List<ReferralCount> counts, List<Wait> waited,
                                 Suppression suppression) {
        SortedSet<String> services = new TreeSet<>();
        Map<String, Long> values = new HashMap<>();
        for (ReferralCount count : counts) {
            services.add(count.service());
            values.merge(key(REFERRALS, count.service(), count.status()), count.count(), Long::sum);
            values.merge(key(OVERDUE, count.service(), ALL), count.overdue(), Long::sum);
        }
        Publication publication = new Publication();
        List<String> serviceTotals = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        for (String service : services) {
            List<String> parts = new ArrayList<>();
            for (ReferralStatus status : ReferralStatus.values()) {
                parts.add(cell(publication, values, key(REFERRALS, service, status.name())));
            }
            serviceTotals.add(total(publication, key(REFERRALS, service, ALL), parts));
            overdue.add(cell(publication, values, key(OVERDUE, service, ALL)));
        }
        for (ReferralStatus status : ReferralStatus.values()) {
            total(publication, key(REFERRALS, ALL, status.name()), services.stream()
                    .map(service -> key(REFERRALS, service, status.name())).toList());
        }
        total(publication, key(REFERRALS, ALL, ALL), serviceTotals);
        total(publication, key(OVERDUE, ALL, ALL), overdue);
        Suppressed published = suppression.apply(publication);
        Map<String, SortedMap<Long, Long>> waits = new HashMap<>();
        for (Wait wait : waited) {
            for (String service : List.of(wait.service(), ALL)) {
                waits.computeIfAbsent(service, any -> new TreeMap<>()).merge(wait.minutes(), wait.count(), Long::sum);
            }
        }
        List<String> columns = new ArrayList<>(List.of("service"));
        for (ReferralStatus status : ReferralStatus.values()) {
            columns.add(status.name().toLowerCase(java.util.Locale.ROOT));
        }
        columns.addAll(List.of("referrals", "overdue", "median_days_to_acceptance"));
        List<List<Object>> rows = new ArrayList<>();
        for (String service : services) {
            rows.add(referralRow(published, service, service, waits, suppression));
        }
        rows.add(referralRow(published, ReportTable.TOTAL, ALL, waits, suppression));
        return new ReportTable(Reports.REFERRALS, window, suppression.rule().threshold(), columns, rows);
    }

    private static List<Object> referralRow(Suppressed published, String label, String service,
                                            Map<String, SortedMap<Long, Long>> waits, Suppression suppression) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        for (ReferralStatus status : ReferralStatus.values()) {
            row.add(value(published, key(REFERRALS, service, status.name())));
        }
        row.add(value(published, key(REFERRALS, service, ALL)));
        row.add(value(published, key(OVERDUE, service, ALL)));
        row.add(medianDays(waits.getOrDefault(service, new TreeMap<>()), suppression));
        return row;
    }

    /**
     * The median wait in days, to a tenth, of waits counted by whole minutes (how many waited each number of
     * minutes); null when fewer referrals than the threshold were accepted, because the median of one or two waits is
     * someone's own.
     */
    static Double medianDays(SortedMap<Long, Long> countsByMinutes, Suppression suppression) {
        long total = countsByMinutes.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0 || total < suppression.rule().threshold()) {
            return null;
        }
        // The waits in order, 0-based: the median is the middle one, or the mean of the middle two.
        long lower = (total - 1) / 2;
        long upper = total / 2;
        Long lowerMinutes = null;
        long seen = 0;
        for (Map.Entry<Long, Long> waited : countsByMinutes.entrySet()) {
            seen += waited.getValue();
            if (lowerMinutes == null && seen > lower) {
                lowerMinutes = waited.getKey();
            }
            if (seen > upper) {
                double median = (lowerMinutes + waited.getKey()) / 2.0;
                return Math.round(median / DAY_MINUTES * 10) / 10.0;
            }
        }
        throw new IllegalStateException("The middle wait lies within the total");
    }

    private static Long value(Suppressed published, String key) {
        var count = published.count(key);
        return count.isPresent() ? count.getAsLong() : null;
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        java.util.Collections.addAll(row, cells);
        return row;
    }
}
