package org.threshold.hub.store;

import org.jdbi.v3.core.Handle;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.access.GlassBreakRepository;
import org.threshold.hub.app.account.AccountRepository;
import org.threshold.hub.app.account.SignInThrottleRepository;
import org.threshold.hub.app.account.SessionRepository;
import org.threshold.hub.app.audit.AccessLogRepository;
import org.threshold.hub.app.enrollment.EnrollmentCodeRepository;
import org.threshold.hub.app.enrollment.OperatorRepository;
import org.threshold.hub.app.feed.FeedNonceRepository;
import org.threshold.hub.app.feed.UpdateFeedRepository;
import org.threshold.hub.app.household.HouseholdHistoryRepository;
import org.threshold.hub.app.household.HouseholdRepository;
import org.threshold.hub.app.household.ProjectionRepository;
import org.threshold.hub.app.household.RevokedTokenRepository;
import org.threshold.hub.app.kiosk.KioskRepository;
import org.threshold.hub.app.referral.ReferralRepository;
import org.threshold.hub.app.sync.EventRepository;
import org.threshold.hub.app.sync.SyncLedgerRepository;

/** The repositories on one jdbi handle, that is one transaction; each is attached the first time it is asked for. */
final class JdbiRepositories implements Repositories {
    private final Handle handle;
    private final Dialect dialect;

    JdbiRepositories(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public EventRepository events() {
        return handle.attach(EventSql.class);
    }

    @Override
    public SyncLedgerRepository syncLedger() {
        return handle.attach(SyncLedgerSql.class);
    }

    @Override
    public HouseholdRepository households() {
        return handle.attach(HouseholdSql.class);
    }

    @Override
    public RevokedTokenRepository revokedTokens() {
        return handle.attach(RevokedTokenSql.class);
    }

    @Override
    public HouseholdHistoryRepository householdHistory() {
        return handle.attach(HouseholdHistorySql.class);
    }

    @Override
    public ProjectionRepository projections() {
        return dialect == Dialect.POSTGRESQL ? handle.attach(ProjectionSql.OnPostgres.class)
                : handle.attach(ProjectionSql.OnSqlite.class);
    }

    @Override
    public ReferralRepository referrals() {
        return handle.attach(ReferralSql.class);
    }

    @Override
    public AccountRepository accounts() {
        return handle.attach(AccountSql.class);
    }

    @Override
    public SessionRepository sessions() {
        return handle.attach(SessionSql.class);
    }

    @Override
    public SignInThrottleRepository signInThrottles() {
        return handle.attach(SignInThrottleSql.class);
    }

    @Override
    public AccessLogRepository accessLog() {
        return handle.attach(AccessLogSql.class);
    }

    @Override
    public UpdateFeedRepository updateFeed() {
        return dialect == Dialect.POSTGRESQL ? handle.attach(UpdateFeedSql.OnPostgres.class)
                : handle.attach(UpdateFeedSql.OnSqlite.class);
    }

    @Override
    public FeedNonceRepository feedNonces() {
        return handle.attach(FeedNonceSql.class);
    }

    @Override
    public EnrollmentCodeRepository enrollmentCodes() {
        return handle.attach(EnrollmentCodeSql.class);
    }

    @Override
    public KioskRepository kiosks() {
        return handle.attach(KioskSql.class);
    }

    @Override
    public OperatorRepository operators() {
        return handle.attach(OperatorSql.class);
    }

    @Override
    public GlassBreakRepository glassBreaks() {
        return handle.attach(GlassBreakSql.class);
    }
}
