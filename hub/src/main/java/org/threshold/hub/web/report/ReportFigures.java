package org.threshold.hub.web.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threshold.core.i18n.Messages;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.registration.Sex;
import org.threshold.core.report.AgeBracket;
import org.threshold.core.report.HxlTags;
import org.threshold.hub.app.report.ReportSet;
import org.threshold.hub.app.report.ReportTable;

/**
 * What the reports page draws, read from the published tables only (so a chart can show no more than the exports
 * do): each figure's chart and its table, in the user's language and direction.
 */
public record ReportFigures(ColumnChart arrivalsByDay, BarChart arrivalsBySite, ShownTable arrivals,
                            PyramidChart pyramid, ShownTable ageSex, BarChart needs, ShownTable needsTable,
                            StackedBarChart referrals, BarChart overdue, BarChart medianDays,
                            ShownTable referralsTable) {
    private static final Map<ReferralStatus, String> COLOURS = Map.of(ReferralStatus.SENT, "#8a96a3",
            ReferralStatus.RECEIVED, "#4f7fd9", ReferralStatus.ACCEPTED, "#2e7d32", ReferralStatus.DECLINED, "#c62828",
            ReferralStatus.IN_PROGRESS, "#e0a000", ReferralStatus.CLOSED, "#37474f", ReferralStatus.WITHDRAWN,
            "#8e24aa", ReferralStatus.FAILED, "#6d4c41");
    private static final List<Sex> SEXES = List.of(Sex.F, Sex.M, Sex.OTHER, Sex.UNKNOWN);

    static ReportFigures of(ReportSet set, Messages ui, Messages catalogue) {
        Words words = new Words(ui, catalogue);
        boolean rtl = ui.rightToLeft();
        ReportTable arrivals = set.arrivals();
        List<BarChart.Item> days = new ArrayList<>();
        List<BarChart.Item> sites = new ArrayList<>();
        Map<String, Object> dayTotals = new HashMap<>();
        for (List<Object> row : arrivals.rows()) {
            boolean dayTotal = ReportTable.TOTAL.equals(row.get(1));
            if (dayTotal && !ReportTable.TOTAL.equals(row.get(0))) {
                dayTotals.put((String) row.get(0), row.get(2));
            } else if (ReportTable.TOTAL.equals(row.get(0)) && !dayTotal) {
                sites.add(words.item((String) row.get(1), row.get(2)));
            }
        }
        // Every day of the window: a day without a row had no arrivals, which is a zero, not a suppression.
        for (LocalDate day = set.window().from(); !day.isAfter(set.window().to()); day = day.plusDays(1)) {
            String label = day.toString();
            days.add(words.item(label, dayTotals.containsKey(label) ? dayTotals.get(label) : 0L));
        }
        return new ReportFigures(ColumnChart.of(days, rtl), BarChart.of(sites, rtl), words.table(arrivals),
                pyramid(set.ageSex(), words, rtl), words.table(set.ageSex()), needs(set.needs(), words, rtl),
                words.table(set.needs()), referrals(set.referrals(), words, rtl),
                perService(set.referrals(), "overdue", words, rtl),
                perService(set.referrals(), "median_days_to_acceptance", words, rtl), words.table(set.referrals()));
    }

    /** Men and women of the report's total row (the site's, when one is chosen) per age bracket. */
    private static PyramidChart pyramid(ReportTable ageSex, Words words, boolean rtl) {
        List<Object> total = ageSex.rows().get(ageSex.rows().size() - 1);
        List<PyramidChart.Bracket> brackets = new ArrayList<>();
        for (AgeBracket age : AgeBracket.values()) {
            String label = words.age(age);
            brackets.add(new PyramidChart.Bracket(label,
                    words.item(label, total.get(ageSex.columns().indexOf(HxlTags.pyramidColumn(Sex.M, age)))),
                    words.item(label, total.get(ageSex.columns().indexOf(HxlTags.pyramidColumn(Sex.F, age))))));
        }
        return PyramidChart.of(brackets, words.ui.format("reports.sex.M"), words.ui.format("reports.sex.F"), rtl);
    }

    /** Each category's total over the sites. */
    private static BarChart needs(ReportTable needs, Words words, boolean rtl) {
        List<BarChart.Item> items = new ArrayList<>();
        for (List<Object> row : needs.rows()) {
            if (ReportTable.TOTAL.equals(row.get(1))) {
                items.add(words.item((String) row.get(0), row.get(2)));
            }
        }
        return BarChart.of(items, rtl);
    }

    private static StackedBarChart referrals(ReportTable referrals, Words words, boolean rtl) {
        List<StackedBarChart.Series> series = new ArrayList<>();
        for (ReferralStatus status : ReferralStatus.values()) {
            series.add(new StackedBarChart.Series(words.ui.format("status." + status.name()), COLOURS.get(status)));
        }
        int total = referrals.columns().indexOf("referrals");
        List<StackedBarChart.Figures> figures = new ArrayList<>();
        for (List<Object> row : services(referrals)) {
            List<Long> parts = new ArrayList<>();
            for (ReferralStatus status : ReferralStatus.values()) {
                parts.add((Long) row.get(referrals.columns().indexOf(status.name().toLowerCase(Locale.ROOT))));
            }
            figures.add(new StackedBarChart.Figures((String) row.get(0), parts, (Long) row.get(total),
                    words.shown(row.get(total))));
        }
        return StackedBarChart.of(figures, series, words.suppressed(), rtl);
    }

    /** One column of the referrals report, per service. */
    private static BarChart perService(ReportTable referrals, String column, Words words, boolean rtl) {
        int index = referrals.columns().indexOf(column);
        return BarChart.of(services(referrals).stream().map(row -> words.item((String) row.get(0), row.get(index)))
                .toList(), rtl);
    }

    private static List<List<Object>> services(ReportTable referrals) {
        return referrals.rows().stream().filter(row -> !ReportTable.TOTAL.equals(row.get(0))).toList();
    }

    /** The page's words for the reports' labels and figures. */
    private record Words(Messages ui, Messages catalogue) {
        BarChart.Item item(String label, Object value) {
            return new BarChart.Item(label(label), (Number) value, shown(value));
        }

        String shown(Object value) {
            return value == null ? suppressed() : value.toString();
        }

        String suppressed() {
            return ui.format("reports.suppressed");
        }

        String label(String label) {
            return ReportTable.TOTAL.equals(label) ? ui.format("reports.total") : label;
        }

        String age(AgeBracket age) {
            return age == AgeBracket.UNKNOWN ? ui.format("reports.age.unknown") : age.label();
        }

        String header(String column) {
            for (Sex sex : SEXES) {
                for (AgeBracket age : AgeBracket.values()) {
                    if (HxlTags.pyramidColumn(sex, age).equals(column)) {
                        return ui.format("reports.sex." + sex.name()) + " " + age(age);
                    }
                }
            }
            String status = column.toUpperCase(Locale.ROOT);
            return ReferralStatus.fromWireName(status).isPresent() ? ui.format("status." + status)
                    : ui.format("reports.column." + column);
        }

        /** A label cell: a need category with its name in the user's language, a total in words. */
        String cell(String column, String text) {
            if (column.equals("category") && catalogue.has(text)) {
                return text + ": " + catalogue.format(text);
            }
            return label(text);
        }

        ShownTable table(ReportTable table) {
            List<ShownTable.Row> rows = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                List<ShownTable.Cell> cells = new ArrayList<>();
                boolean total = false;
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.get(i);
                    if (value instanceof String text) {
                        total |= ReportTable.TOTAL.equals(text);
                        cells.add(new ShownTable.Cell(cell(table.columns().get(i), text), false, false));
                    } else {
                        cells.add(new ShownTable.Cell(shown(value), true, value == null));
                    }
                }
                rows.add(new ShownTable.Row(cells, total));
            }
            return new ShownTable(table.columns().stream().map(this::header).toList(), rows);
        }
    }
}
