package org.threshold.hub.web.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns along a time axis (arrivals per day), drawn on the server as SVG, with the largest figure marked on the
 * axis and the first and last day under it; each column's title gives its day and figure. A suppressed day gets a
 * short dashed mark at the base instead of a column.
 */
public record ColumnChart(double width, double height, List<Column> columns, Axis axis) {
    private static final double WIDTH = 560;
    private static final double HEIGHT = 200;
    private static final double MARGIN = 48;
    private static final double BOTTOM = 24;
    private static final double TOP = 12;
    private static final double MARK = 6;

    /** One column: {@code value} null where suppressed; {@code shown} is how its figure is written. */
    public record Column(String label, Long value, String shown, double x, double y, double width, double height,
                         boolean suppressed) {
    }

    /** The axis: the baseline, the largest figure beside its top, the first and last labels under it. */
    public record Axis(double x1, double x2, double baseY, double maxX, double maxY, String maxAnchor, long max,
                       String first, double firstX, String firstAnchor, String last, double lastX, String lastAnchor,
                       double labelY) {
    }

    /** {@code values} in time order, each a label and a figure (null: suppressed). */
    static ColumnChart of(List<BarChart.Item> values, boolean rtl) {
        Mirror mirror = new Mirror(WIDTH, rtl);
        long max = values.stream().filter(item -> item.value() != null).mapToLong(item -> item.value().longValue())
                .max().orElse(0);
        double plot = WIDTH - MARGIN - 8;
        double slot = values.isEmpty() ? plot : plot / values.size();
        double base = HEIGHT - BOTTOM;
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            BarChart.Item item = values.get(i);
            boolean suppressed = item.value() == null;
            double height = suppressed ? MARK : max == 0 ? 0 : item.value().doubleValue() / max * (base - TOP);
            double width = Math.max(1, slot * 0.8);
            columns.add(new Column(item.label(), suppressed ? null : item.value().longValue(), item.shown(),
                    mirror.x(MARGIN + i * slot + slot * 0.1, width), base - height, width, height, suppressed));
        }
        String first = values.isEmpty() ? "" : values.get(0).label();
        String last = values.isEmpty() ? "" : values.get(values.size() - 1).label();
        Axis axis = new Axis(mirror.x(MARGIN), mirror.x(WIDTH - 8), base, mirror.x(MARGIN - 4), TOP + 10,
                mirror.anchor(false), max, first, mirror.x(MARGIN), mirror.anchor(true), last, mirror.x(WIDTH - 8),
                mirror.anchor(false), HEIGHT - 6);
        return new ColumnChart(WIDTH, HEIGHT, columns, axis);
    }
}
