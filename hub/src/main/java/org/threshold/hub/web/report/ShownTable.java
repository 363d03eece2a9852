package org.threshold.hub.web.report;

import java.util.List;

/**
 * A report's table as the page shows it: headers and cells in the user's language, a suppressed count as the word
 * for suppressed (never a number), totals marked.
 */
public record ShownTable(List<String> headers, List<Row> rows) {
    public ShownTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** A cell: its text, whether it is a figure (aligned as one) and whether it is suppressed. */
    public record Cell(String text, boolean number, boolean suppressed) {
    }

    /** A row; {@code total} for a total row. */
    public record Row(List<Cell> cells, boolean total) {
        public Row {
            cells = List.copyOf(cells);
        }
    }
}
