package org.threshold.hub.app.report;

import java.util.List;

/** Every report over one window, as the reports page shows them: arrivals, age-sex, needs and referrals. */
public record ReportSet(ReportWindow window, ReportTable arrivals, ReportTable ageSex, ReportTable needs,
                        ReportTable referrals) {
    public List<ReportTable> all() {
        return List.of(arrivals, ageSex, needs, referrals);
    }
}
