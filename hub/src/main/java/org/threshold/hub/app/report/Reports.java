package org.threshold.hub.app.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.core.input.StrictText;
import org.threshold.core.report.SmallCells;
import org.threshold.core.report.Suppression;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.household.HouseholdProjector;

/**
 * The coordinators' reports: arrivals per day and site, the age-sex pyramid, needs by category, and referrals per
 * service by status. Each is read from the counts (never from a household), suppressed by the small-cell rule, and
 * recorded in the access log before it is handed out. The window is of arrival dates (of request dates for
 * referrals), both ends included: the last 30 days by default, at most {@value #MAX_DAYS} days.
 */
public final class Reports {
    public static final String ARRIVALS = "arrivals";
    public static final String AGE_SEX = "age-sex";
    public static final String NEEDS = "needs";
    public static final String REFERRALS = "referrals";
    public static final List<String> NAMES = List.of(ARRIVALS, AGE_SEX, NEEDS, REFERRALS);
    public static final List<String> FORMATS = List.of("csv", "json");
    public static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;
    static final int MAX_SITE = 100;
    /** What the access log says of every report handed out. */
    public static final String EXPORTED = "EXPORTED";
    /** The access log's action and outcome for the reports page. */
    public static final String PAGE = "report-page";
    public static final String SHOWN = "SHOWN";

    private final HubStore store;
    private final HouseholdProjector projector;
    private final AccessAudit audit;
    private final Suppression suppression;
    private final Clock clock;

    /** {@code projector}: caught up before each report, so a report asked right after a sync counts what it brought. */
    public Reports(HubStore store, HouseholdProjector projector, AccessAudit audit, SmallCells rule, Clock clock) {
        this.store = store;
        this.projector = projector;
        this.audit = audit;
        this.suppression = new Suppression(rule);
        this.clock = clock;
    }

    /**
     * The report {@code name} over {@code from} to {@code to} (ISO dates, either may be null) at {@code site} (null:
     * every site), recorded in the access log as exported in {@code format}.
     *
     * @throws Refusal NOT_FOUND {@code REPORT_UNKNOWN}; INVALID {@code REPORT_BAD_DATE}, {@code REPORT_BAD_RANGE},
     *                 {@code REPORT_RANGE_TOO_LONG} or {@code REPORT_BAD_SITE}
     */
    public ReportTable export(SignedInUser user, String name, String format, String from, String to, String site) {
        if (!NAMES.contains(name) || !FORMATS.contains(format)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "REPORT_UNKNOWN", "There is no such report. The reports are "
                    + String.join(", ", NAMES) + ", each as .csv or .json.", Map.of("reports", String.join(", ", NAMES)));
        }
        ReportWindow window = window(from, to, site);
        projector.catchUpIfBehind();
        ReportTable table = name.equals(REFERRALS) ? referrals(window) : households(window).get(name);
        audit.record(new AccessRecord(clock.instant(), user.username(), "report-" + name + "." + format, EXPORTED,
                null));
        return table;
    }

    /**
     * Every report over the window, for the reports page; recorded in the access log as shown.
     *
     * @throws Refusal as {@link #export} does for the window
     */
    public ReportSet all(SignedInUser user, String from, String to, String site) {
        ReportWindow window = window(from, to, site);
        projector.catchUpIfBehind();
        Map<String, ReportTable> households = households(window);
        ReportSet set = new ReportSet(window, households.get(ARRIVALS), households.get(AGE_SEX),
                households.get(NEEDS), referrals(window));
        audit.record(new AccessRecord(clock.instant(), user.username(), PAGE, SHOWN, null));
        return set;
    }

    /** The window asked for: the last {@value #DEFAULT_DAYS} days to today when no date is given. */
    private ReportWindow window(String from, String to, String site) {
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(DEFAULT_DAYS - 1));
        if (start.isAfter(end)) {
            throw new Refusal(Refusal.Kind.INVALID, "REPORT_BAD_RANGE", "The report starts (from=" + start
                    + ") after it ends (to=" + end + "): swap them.", Map.of("from", start.toString(), "to",
                    end.toString()));
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new Refusal(Refusal.Kind.INVALID, "REPORT_RANGE_TOO_LONG", "A report covers at most " + MAX_DAYS
                    + " days: bring from and to closer.", Map.of("max", MAX_DAYS));
        }
        return new ReportWindow(start, end, site(site));
    }

    private Map<String, ReportTable> households(ReportWindow window) {
        return ReportTables.households(window, store.read(repositories -> repositories.reports().counts(
                window.from(), window.to(), window.site())), suppression);
    }

    private ReportTable referrals(ReportWindow window) {
        Instant now = clock.instant();
        return store.read(repositories -> ReportTables.referrals(window,
                repositories.reports().referralCounts(window.from(), window.to(), window.site(), now),
                repositories.reports().waits(window.from(), window.to(), window.site()), suppression));
    }

    private static LocalDate date(String parameter, String text, LocalDate otherwise) {
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Refusal(Refusal.Kind.INVALID, "REPORT_BAD_DATE", "Give " + parameter + " as a date, "
                    + "YYYY-MM-DD (for example 2026-11-24).", Map.of("parameter", parameter));
        }
    }

    private static Optional<String> site(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        StrictText.Checked checked = StrictText.check(text, StrictText.Kind.LINE);
        if (text.length() > MAX_SITE || !checked.ok() || checked.text().isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "REPORT_BAD_SITE", "Give site as a site's name, on one line, "
                    + "at most " + MAX_SITE + " characters.", Map.of("max", MAX_SITE));
        }
        return Optional.of(checked.text());
    }
}
