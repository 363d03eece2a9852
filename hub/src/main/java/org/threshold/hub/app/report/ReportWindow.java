package org.threshold.hub.app.report;

import java.time.LocalDate;
import java.util.Optional;

/** What a report covers: arrival (or request) dates from {@code from} to {@code to}, both included, at one site or all. */
public record ReportWindow(LocalDate from, LocalDate to, Optional<String> site) {
}
