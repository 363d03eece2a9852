package org.threshold.hub.app.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.threshold.core.report.HxlTags;

/**
 * One report as published: its columns (each with its HXL hashtag) and rows, after suppression. A cell is a label
 * ({@link String}), a count ({@link Long}), a number of days ({@link Double}), or null where the count is suppressed
 * or the figure withheld. The label {@value #TOTAL} marks a total row.
 */
public record ReportTable(String name, ReportWindow window, int threshold, List<String> columns,
                          List<List<Object>> rows) {
    public static final String TOTAL = "total";

    public ReportTable {
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        // Not List.copyOf: a suppressed cell is null.
        rows.forEach(row -> copied.add(Collections.unmodifiableList(new ArrayList<>(row))));
        rows = Collections.unmodifiableList(copied);
    }

    /** The HXL hashtag row, column by column. */
    public List<String> hashtags() {
        return columns.stream().map(HxlTags::of).toList();
    }
}
