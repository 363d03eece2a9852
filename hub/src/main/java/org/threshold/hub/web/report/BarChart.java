package org.threshold.hub.web.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars, one per labelled figure, drawn on the server as SVG: the label, the bar, then the figure. A
 * suppressed figure gets no bar (any length would be a number) but a dashed mark and the word for suppressed.
 *
 * @param shapes each row's geometry, in the order given
 */
public record BarChart(double width, double height, List<Row> shapes) {
    static final double WIDTH = 560;
    static final double LABEL_WIDTH = 170;
    static final double ROW = 24;
    private static final double BAR = 16;
    private static final double MARK = 10;
    private static final double VALUE_ROOM = 90;

    /** A labelled figure: {@code value} null where it is suppressed; {@code shown} is how the figure is written. */
    public record Item(String label, Number value, String shown) {
    }

    /** One row: the label at ({@code labelX}, {@code textY}), the bar (or dashed mark) and the figure after it. */
    public record Row(Item item, double labelX, String labelAnchor, double barX, double barY, double barWidth,
                      double barHeight, double valueX, String valueAnchor, double textY, boolean suppressed) {
    }

    static BarChart of(List<Item> items, boolean rtl) {
        Mirror mirror = new Mirror(WIDTH, rtl);
        double max = items.stream().filter(item -> item.value() != null)
                .mapToDouble(item -> item.value().doubleValue()).max().orElse(0);
        double room = WIDTH - LABEL_WIDTH - VALUE_ROOM;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            double top = i * ROW + (ROW - BAR) / 2;
            boolean suppressed = item.value() == null;
            double length = suppressed ? MARK : max == 0 ? 0 : item.value().doubleValue() / max * room;
            double barStart = LABEL_WIDTH;
            rows.add(new Row(item, mirror.x(LABEL_WIDTH - 8), mirror.anchor(false), mirror.x(barStart, length), top,
                    length, BAR, mirror.x(barStart + length + 6), mirror.anchor(true), top + BAR - 3, suppressed));
        }
        return new BarChart(WIDTH, Math.max(ROW, items.size() * ROW), rows);
    }
}
