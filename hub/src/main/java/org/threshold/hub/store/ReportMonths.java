package org.threshold.hub.store;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A report window cut where {@code report_counts_by_month} can serve it: the whole months inside it, and the days
 * before and after them that are read per day. A window inside one month has no whole month; all its days are read.
 *
 * @param months the first and last whole month, if any
 * @param head   the days before the first whole month (from, to inclusive), if any
 * @param tail   the days after the last whole month, if any
 */
record ReportMonths(Optional<Span<YearMonth>> months, Optional<Span<LocalDate>> head, Optional<Span<LocalDate>> tail) {
    /** From and to, both included. */
    record Span<T>(T from, T to) {
    }

    static ReportMonths of(LocalDate from, LocalDate to) {
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWhole = to.getDayOfMonth() == to.lengthOfMonth() ? to : to.withDayOfMonth(1).minusDays(1);
        if (firstWhole.isAfter(lastWhole)) {
            return new ReportMonths(Optional.empty(), Optional.of(new Span<>(from, to)), Optional.empty());
        }
        return new ReportMonths(Optional.of(new Span<>(YearMonth.from(firstWhole), YearMonth.from(lastWhole))),
                firstWhole.equals(from) ? Optional.empty() : Optional.of(new Span<>(from, firstWhole.minusDays(1))),
                lastWhole.equals(to) ? Optional.empty() : Optional.of(new Span<>(lastWhole.plusDays(1), to)));
    }
}
