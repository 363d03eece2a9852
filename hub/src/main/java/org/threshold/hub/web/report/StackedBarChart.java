package org.threshold.hub.web.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One horizontal bar per row (referrals per service), split into its parts (by status), each part in its series'
 * colour. Suppressed parts are drawn together as one dashed segment, only as long as the row's published total minus
 * its published parts, which anyone can subtract from the table; a row whose total is suppressed too shows its
 * published parts and a dashed mark.
 */
public record StackedBarChart(double width, double height, List<Row> rows, List<Series> legend) {
    private static final double MARK = 10;

    /** A series (a status): its name, as shown, and its colour. */
    public record Series(String label, String colour) {
    }

    /** A part of a row: its series' colour (null: the suppressed parts, dashed), its extent and its title. */
    public record Segment(String colour, String title, double x, double width, boolean suppressed) {
    }

    /** A row: its label, its total as shown, and its segments. */
    public record Row(String label, double labelX, String labelAnchor, double y, double textY, String total,
                      double totalX, String totalAnchor, List<Segment> segments) {
    }

    /** A row's figures: one per series (null: suppressed) and its total (null: suppressed). */
    record Figures(String label, List<Long> parts, Long total, String shownTotal) {
    }

    static StackedBarChart of(List<Figures> figures, List<Series> series, String suppressed, boolean rtl) {
        Mirror mirror = new Mirror(BarChart.WIDTH, rtl);
        double max = 0;
        for (Figures row : figures) {
            max = Math.max(max, row.total() != null ? row.total() : published(row));
        }
        double room = BarChart.WIDTH - BarChart.LABEL_WIDTH - 90;
        double scale = max == 0 ? 0 : room / max;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Figures row = figures.get(i);
            double y = i * BarChart.ROW + 4;
            double at = BarChart.LABEL_WIDTH;
            List<Segment> segments = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                Long part = row.parts().get(s);
                if (part != null && part > 0) {
                    double length = part * scale;
                    segments.add(new Segment(series.get(s).colour(), series.get(s).label() + ": " + part,
                            mirror.x(at, length), length, false));
                    at += length;
                }
            }
            boolean anySuppressed = row.parts().stream().anyMatch(part -> part == null);
            if (anySuppressed) {
                double length = row.total() == null ? MARK : (row.total() - published(row)) * scale;
                segments.add(new Segment(null, suppressed, mirror.x(at, length), length, true));
                at += length;
            }
            rows.add(new Row(row.label(), mirror.x(BarChart.LABEL_WIDTH - 8), mirror.anchor(false), y, y + 13,
                    row.shownTotal(), mirror.x(at + 6), mirror.anchor(true), segments));
        }
        return new StackedBarChart(BarChart.WIDTH, Math.max(BarChart.ROW, figures.size() * BarChart.ROW), rows,
                series);
    }

    private static long published(Figures row) {
        return row.parts().stream().filter(part -> part != null).mapToLong(Long::longValue).sum();
    }
}
