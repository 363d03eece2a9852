package org.threshold.hub.app;

import org.threshold.hub.app.access.GlassBreakRepository;
import org.threshold.hub.app.account.AccountRepository;
import org.threshold.hub.app.account.SignInThrottleRepository;
import org.threshold.hub.app.account.LiveSessionRepository;
import org.threshold.hub.app.account.SessionRepository;
import org.threshold.hub.app.audit.AccessLogRepository;
import org.threshold.hub.app.dsr.RetentionRepository;
import org.threshold.hub.app.duplicate.DuplicateRepository;
import org.threshold.hub.app.enrollment.EnrollmentCodeRepository;
import org.threshold.hub.app.enrollment.OperatorRepository;
import org.threshold.hub.app.feed.FeedNonceRepository;
import org.threshold.hub.app.feed.UpdateFeedRepository;
import org.threshold.hub.app.household.HouseholdHistoryRepository;
import org.threshold.hub.app.household.HouseholdRepository;
import org.threshold.hub.app.household.LookupRepository;
import org.threshold.hub.app.household.HouseholdRestrictionRepository;
import org.threshold.hub.app.household.ProjectionRepository;
import org.threshold.hub.app.household.RevokedTokenRepository;
import org.threshold.hub.app.kiosk.KioskRepository;
import org.threshold.hub.app.referral.QueueRepository;
import org.threshold.hub.app.referral.ReferralRepository;
import org.threshold.hub.app.report.ReportRepository;
import org.threshold.hub.app.sync.EventRepository;
import org.threshold.hub.app.sync.SyncLedgerRepository;

/** Every repository, bound to the transaction {@link HubStore} opened: valid only during that call. */
public interface Repositories {
    EventRepository events();

    SyncLedgerRepository syncLedger();

    HouseholdRepository households();

    LookupRepository lookups();

    RevokedTokenRepository revokedTokens();

    HouseholdHistoryRepository householdHistory();

    ProjectionRepository projections();

    HouseholdRestrictionRepository restrictions();

    ReferralRepository referrals();

    QueueRepository queues();

    RetentionRepository retention();

    AccountRepository accounts();

    SessionRepository sessions();

    LiveSessionRepository liveSessions();

    SignInThrottleRepository signInThrottles();

    AccessLogRepository accessLog();

    UpdateFeedRepository updateFeed();

    FeedNonceRepository feedNonces();

    EnrollmentCodeRepository enrollmentCodes();

    KioskRepository kiosks();

    OperatorRepository operators();

    GlassBreakRepository glassBreaks();
    ReportRepository reports();

    DuplicateRepository duplicates();
}
