package org.threshold.hub.web.report;

import java.util.List;
import org.threshold.hub.app.report.ReportTable;

/**
 * A report as CSV (RFC 4180, CRLF): the header, then the HXL hashtag row, then the rows. A suppressed count is an
 * empty field. A text that a spreadsheet would run as a formula (starting {@code = + - @}) is prefixed with a quote.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static String write(ReportTable table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.columns());
        line(csv, table.hashtags());
        for (List<Object> row : table.rows()) {
            line(csv, row);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object cell = cells.get(i);
            if (cell instanceof String text) {
                csv.append(field(text));
            } else if (cell != null) {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }

    private static String field(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
