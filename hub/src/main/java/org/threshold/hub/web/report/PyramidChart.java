package org.threshold.hub.web.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The age-sex pyramid as a pyramid: one row per age bracket, the oldest at the top, men's bars growing to one side
 * of the bracket labels and women's to the other (mirrored for right-to-left languages), on one scale. A suppressed
 * figure gets a dashed mark and the word for suppressed instead of a bar.
 */
public record PyramidChart(double width, double height, List<Row> rows, Heading men, Heading women) {
    private static final double WIDTH = 560;
    private static final double CENTRE = WIDTH / 2;
    private static final double GAP = 36;
    private static final double ROW = 26;
    private static final double BAR = 18;
    private static final double TOP = 24;
    private static final double VALUE_ROOM = 80;
    private static final double MARK = 10;

    /** A side's title above it. */
    public record Heading(String text, double x, String anchor) {
    }

    /** One side of one bracket: the bar (or dashed mark) and its figure beyond it. */
    public record Side(BarChart.Item item, double x, double width, double valueX, String valueAnchor,
                       boolean suppressed) {
    }

    /** One age bracket: its label in the middle and its two sides. */
    public record Row(String label, double labelX, double y, double textY, Side men, Side women) {
    }

    /** One age bracket's label and its men's and women's figures (null: suppressed). */
    record Bracket(String label, BarChart.Item men, BarChart.Item women) {
    }

    /** {@code brackets} from the youngest to the oldest; they are drawn the other way up. */
    static PyramidChart of(List<Bracket> brackets, String menTitle, String womenTitle, boolean rtl) {
        Mirror mirror = new Mirror(WIDTH, rtl);
        double max = 0;
        for (Bracket bracket : brackets) {
            for (BarChart.Item item : List.of(bracket.men(), bracket.women())) {
                if (item.value() != null) {
                    max = Math.max(max, item.value().doubleValue());
                }
            }
        }
        double room = CENTRE - GAP - VALUE_ROOM;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < brackets.size(); i++) {
            Bracket bracket = brackets.get(brackets.size() - 1 - i);
            double y = TOP + i * ROW + (ROW - BAR) / 2;
            rows.add(new Row(bracket.label(), mirror.x(CENTRE), y, y + BAR - 4,
                    side(bracket.men(), max, room, false, mirror), side(bracket.women(), max, room, true, mirror)));
        }
        return new PyramidChart(WIDTH, TOP + brackets.size() * ROW, rows,
                new Heading(menTitle, mirror.x(CENTRE - GAP), mirror.anchor(false)),
                new Heading(womenTitle, mirror.x(CENTRE + GAP), mirror.anchor(true)));
    }

    /** Men's bars end at the centre's left (left to right), women's start at its right. */
    private static Side side(BarChart.Item item, double max, double room, boolean women, Mirror mirror) {
        boolean suppressed = item.value() == null;
        double length = suppressed ? MARK : max == 0 ? 0 : item.value().doubleValue() / max * room;
        double start = women ? CENTRE + GAP : CENTRE - GAP - length;
        double valueX = women ? start + length + 6 : start - 6;
        return new Side(item, mirror.x(start, length), length, mirror.x(valueX), mirror.anchor(women), suppressed);
    }
}
